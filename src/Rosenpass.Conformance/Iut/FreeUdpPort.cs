using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Rosenpass.Conformance.Iut;

/// <summary>Loopback UDP ports: one that was free a moment ago, and whether a port is now bound (via /proc on Linux).</summary>
internal static class FreeUdpPort
{
    public static int Take(bool ipv6 = false)
    {
        var loopback = ipv6 ? IPAddress.IPv6Loopback : IPAddress.Loopback;
        using var socket = new Socket(loopback.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>
    /// Whether some socket is bound to UDP <paramref name="port"/>, from the kernel's tables; null where there
    /// are none to read. Probing by binding the port ourselves could steal it from the IUT at the wrong moment.
    /// </summary>
    public static bool? IsBound(int port)
    {
        string[] tables = ["/proc/net/udp", "/proc/net/udp6"];
        if (!tables.Any(File.Exists)) return null;
        string suffix = ":" + port.ToString("X4", CultureInfo.InvariantCulture);
        foreach (var table in tables.Where(File.Exists))
        {
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                string[] columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (columns.Length > 1 && columns[1].EndsWith(suffix, StringComparison.Ordinal)) return true;
            }
        }
        return false;
    }
}
