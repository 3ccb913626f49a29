using System.Net;
using System.Text;

namespace Rosenpass.Conformance.Iut;

/// <summary>
/// The IUT's configuration in upstream's TOML format (upstream-facts §3.3): its key pair, one loopback listen
/// address, and us as its only peer, with psk, outfile and protocol version; an endpoint only if it initiates.
/// </summary>
internal static class IutConfigFile
{
    public sealed record Paths(string PublicKey, string SecretKey, string OurPublicKey, string Psk, string Outfile);

    public static string Toml(Paths paths, int listenPort, IutSetup setup)
    {
        var toml = new StringBuilder();
        toml.AppendLine($"public_key = {Quote(paths.PublicKey)}");
        toml.AppendLine($"secret_key = {Quote(paths.SecretKey)}");
        toml.AppendLine($"listen = [{Quote(new IPEndPoint(IPAddress.Loopback, listenPort).ToString())}]");
        toml.AppendLine("verbosity = \"Verbose\"");
        toml.AppendLine();
        toml.AppendLine("[[peers]]");
        toml.AppendLine($"public_key = {Quote(paths.OurPublicKey)}");
        if (setup.OurEndpoint is { } endpoint) toml.AppendLine($"endpoint = {Quote(endpoint.ToString())}");
        toml.AppendLine($"pre_shared_key = {Quote(paths.Psk)}");
        toml.AppendLine($"key_out = {Quote(paths.Outfile)}");
        toml.AppendLine($"protocol_version = {Quote(setup.Version.ToString())}");
        return toml.ToString();
    }

    /// <summary>A TOML basic string.</summary>
    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
