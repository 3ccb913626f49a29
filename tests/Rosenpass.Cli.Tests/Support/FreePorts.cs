using System.Net;
using System.Net.Sockets;

namespace Rosenpass.Cli.Tests.Support;

/// <summary>Loopback UDP ports that were free a moment ago (the system picks them).</summary>
public static class FreePorts
{
    public static int[] Take(int count)
    {
        var sockets = Enumerable.Range(0, count).Select(_ =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return socket;
        }).ToList();
        var ports = sockets.Select(s => ((IPEndPoint)s.LocalEndPoint!).Port).ToArray();
        foreach (var socket in sockets) socket.Dispose();
        return ports;
    }
}
