using System.Net;
using System.Net.Sockets;
using Rosenpass.Cli.Config;
using Rosenpass.Reference;

namespace Rosenpass.Cli.Net;

/// <summary>
/// Turns a peer's <c>endpoint</c> (<c>host:port</c>, the host a name or an address) into the addresses to try,
/// resolved once at startup as upstream does (upstream-facts §3.3).
/// </summary>
public static class EndpointResolver
{
    /// <param name="endpoint">What the config says.</param>
    /// <param name="input">Names the field in errors, e.g. "cfg.toml: peers[0].endpoint".</param>
    public static IReadOnlyList<IPEndPoint> Resolve(string endpoint, string input)
    {
        if (SocketAddressParser.TryParse(endpoint) is { } literal) return [literal];
        if (!SocketAddressParser.TrySplitHostPort(endpoint, out string host, out ushort port))
            throw new InputFormatException(input, $"\"{endpoint}\" is not host:port");
        try
        {
            var addresses = Dns.GetHostAddresses(host);
            if (addresses.Length == 0) throw new InputFormatException(input, $"\"{host}\" resolves to no address");
            return addresses.Select(a => new IPEndPoint(a, port)).ToArray();
        }
        catch (Exception e) when (e is SocketException or ArgumentException)
        {
            throw new InputFormatException(input, $"cannot resolve \"{host}\": {e.Message}");
        }
    }
}
