using System.Net;
using System.Text;

namespace Rosenpass.Conformance.Iut;

/// <summary>
/// The IUT's configuration in upstream's TOML format (upstream-facts §3.3): its key pair, one loopback listen
/// address, and us as its only peer, with psk, outfile and protocol version; an endpoint only if it initiates.
/// </summary>
internal static class IutConfigFile
{
    /// <param name="SecondPeerPublicKey">our second key pair's public key (two-peer scenarios), else null</param>
    /// <param name="SecondOutfile">the IUT's outfile for that peer</param>
    public sealed record Paths(string PublicKey, string SecretKey, string OurPublicKey, string Psk, string Outfile,
        string? SecondPeerPublicKey = null, string? SecondOutfile = null);

    public static string Toml(Paths paths, int listenPort, IutSetup setup)
    {
        var toml = new StringBuilder();
        toml.AppendLine($"public_key = {Quote(paths.PublicKey)}");
        toml.AppendLine($"secret_key = {Quote(paths.SecretKey)}");
        var loopback = setup.Ipv6 ? IPAddress.IPv6Loopback : IPAddress.Loopback;
        toml.AppendLine($"listen = [{Quote(new IPEndPoint(loopback, listenPort).ToString())}]");
        toml.AppendLine("verbosity = \"Verbose\"");
        if (setup.DosDefence is { } defence) toml.AppendLine($"dos_defence = {Quote(defence)}");
        toml.AppendLine();
        toml.AppendLine("[[peers]]");
        toml.AppendLine($"public_key = {Quote(paths.OurPublicKey)}");
        if (setup.OurEndpoint is { } endpoint) toml.AppendLine($"endpoint = {Quote(endpoint.ToString())}");
        toml.AppendLine($"pre_shared_key = {Quote(paths.Psk)}");
        toml.AppendLine($"key_out = {Quote(paths.Outfile)}");
        toml.AppendLine($"protocol_version = {Quote(setup.Version.ToString())}");
        if (setup.SecondPeer != null && paths.SecondPeerPublicKey is { } second && paths.SecondOutfile is { } outfile)
        {
            toml.AppendLine();
            toml.AppendLine("[[peers]]");
            toml.AppendLine($"public_key = {Quote(second)}");
            toml.AppendLine($"pre_shared_key = {Quote(paths.Psk)}");
            toml.AppendLine($"key_out = {Quote(outfile)}");
            toml.AppendLine($"protocol_version = {Quote(setup.Version.ToString())}");
        }
        return toml.ToString();
    }

    /// <summary>A TOML basic string.</summary>
    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
