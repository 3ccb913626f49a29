using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Rosenpass.Cli.Config;

/// <summary>
/// Socket addresses as Rust's <c>SocketAddr::from_str</c> writes them, which is what upstream's <c>listen</c>
/// accepts: <c>a.b.c.d:port</c> or <c>[v6]:port</c> (optionally <c>[v6%scope]:port</c>). No host names, port required.
/// </summary>
public static class SocketAddressParser
{
    /// <summary>The address written in <paramref name="text"/>, or null if it is not one.</summary>
    public static IPEndPoint? TryParse(string text)
    {
        int colon = text.LastIndexOf(':');
        if (colon <= 0) return null;
        if (!TryParsePort(text[(colon + 1)..], out ushort port)) return null;
        string host = text[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            return IPAddress.TryParse(host[1..^1], out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6
                ? new IPEndPoint(v6, port)
                : null;
        }
        return IsDottedQuad(host) && IPAddress.TryParse(host, out var v4) ? new IPEndPoint(v4, port) : null;
    }

    /// <summary>Writes <paramref name="endpoint"/> back in the same notation.</summary>
    public static string Format(IPEndPoint endpoint) =>
        endpoint.AddressFamily == AddressFamily.InterNetworkV6
            ? $"[{endpoint.Address}]:{endpoint.Port}"
            : $"{endpoint.Address}:{endpoint.Port}";

    /// <summary>Splits <c>host:port</c> (host may be a name or a bracketed v6 address) for name resolution.</summary>
    public static bool TrySplitHostPort(string text, out string host, out ushort port)
    {
        host = "";
        port = 0;
        int colon = text.LastIndexOf(':');
        if (colon <= 0 || !TryParsePort(text[(colon + 1)..], out port)) return false;
        host = text[..colon];
        if (host.StartsWith('[') && host.EndsWith(']')) host = host[1..^1];
        return host.Length > 0;
    }

    private static bool TryParsePort(string text, out ushort port)
    {
        port = 0;
        return text.Length > 0 && text.All(char.IsAsciiDigit) &&
               ushort.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port);
    }

    /// <summary>.NET also reads "1" or "1.2" as IPv4 addresses; Rust does not.</summary>
    private static bool IsDottedQuad(string host)
    {
        var parts = host.Split('.');
        return parts.Length == 4 && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit));
    }
}
