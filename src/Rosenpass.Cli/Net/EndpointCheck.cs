using System.Net;
using System.Net.Sockets;
using Rosenpass.Reference;

namespace Rosenpass.Cli.Net;

/// <summary>
/// Whether a peer's endpoint can be reached from our listen sockets (checked at <c>validate</c> and start-up,
/// issue #17): port 0 names no peer, and an IPv6 address needs an IPv6 socket, an IPv4 address an IPv4 socket or a
/// dual-stack one on <c>[::]</c> (what <see cref="UdpSockets"/> would pick). No listen address means one socket on
/// <c>[::]:0</c>, which reaches both.
/// </summary>
public static class EndpointCheck
{
    /// <param name="endpoint">What the config says.</param>
    /// <param name="listen">The configured listen addresses.</param>
    /// <param name="input">Names the field in errors, e.g. "cfg.toml: peers[0].endpoint".</param>
    public static void Ensure(string endpoint, IReadOnlyList<IPEndPoint> listen, string input)
    {
        var addresses = EndpointResolver.Resolve(endpoint, input);
        if (addresses.Any(a => a.Port == 0)) throw new InputFormatException(input, $"\"{endpoint}\" has port 0, which no peer listens on");
        if (listen.Count == 0 || addresses.Any(a => Reachable(a, listen))) return;
        string family = addresses[0].AddressFamily == AddressFamily.InterNetworkV6 ? "IPv6" : "IPv4";
        throw new InputFormatException(input,
            $"\"{endpoint}\" is {family}, but no listen address can send there ({string.Join(", ", listen)}); add one of that family");
    }

    private static bool Reachable(IPEndPoint destination, IReadOnlyList<IPEndPoint> listen) =>
        destination.AddressFamily == AddressFamily.InterNetworkV6
            ? listen.Any(l => l.AddressFamily == AddressFamily.InterNetworkV6)
            : listen.Any(l => l.AddressFamily == AddressFamily.InterNetwork
                              || (l.AddressFamily == AddressFamily.InterNetworkV6 && l.Address.Equals(IPAddress.IPv6Any)));
}
