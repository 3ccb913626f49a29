using System.Net;

namespace Rosenpass.FaultyIut;

/// <summary>
/// The configuration the conformance runner wrote (src/Rosenpass.Conformance/Iut/IutConfigFile.cs): one
/// <c>listen</c> line and, when the IUT initiates, one <c>endpoint</c> line. The real rosenpass gets a copy with
/// both pointed at the relay, changed further by the faults that act on the configuration.
/// </summary>
internal sealed class RunnerConfig
{
    private const string ListenKey = "listen = ";
    private const string EndpointKey = "endpoint = ";
    private const string VersionKey = "protocol_version = ";
    private const string KeyOutKey = "key_out = ";

    private readonly string[] _lines;

    private RunnerConfig(string[] lines, IPEndPoint listen, IPEndPoint? peerEndpoint)
    {
        _lines = lines;
        Listen = listen;
        PeerEndpoint = peerEndpoint;
    }

    /// <summary>Where the runner expects the IUT.</summary>
    public IPEndPoint Listen { get; }

    /// <summary>The runner's own address when the IUT initiates, otherwise null.</summary>
    public IPEndPoint? PeerEndpoint { get; }

    /// <summary>The first peer's outfile as the runner reads it.</summary>
    public string? KeyOut => Unquote(Value(_lines, KeyOutKey));

    /// <summary>The IUT's own public key file (the first <c>public_key</c>, before any peer).</summary>
    public string PublicKey => Required("public_key = ", 0);

    public string SecretKey => Required("secret_key = ", 0);

    /// <summary>The first peer's public key file (the second <c>public_key</c>).</summary>
    public string PeerPublicKey => Required("public_key = ", 1);

    public string Psk => Required("pre_shared_key = ", 0);

    public Reference.Crypto.ProtocolVersion Version => Enum.Parse<Reference.Crypto.ProtocolVersion>(Required(VersionKey, 0));

    public static RunnerConfig Read(string path)
    {
        string[] lines = File.ReadAllLines(path);
        string listen = Value(lines, ListenKey) ?? throw new InvalidDataException($"{path}: no {ListenKey.Trim()} line");
        string? endpoint = Value(lines, EndpointKey);
        // listen = ["127.0.0.1:1234"] or ["[::1]:1234"]; endpoint = "127.0.0.1:1235" or "[::1]:1235".
        return new RunnerConfig(lines, IPEndPoint.Parse(Unquote(listen.Trim('[', ']'))!),
            endpoint is null ? null : IPEndPoint.Parse(Unquote(endpoint)!));
    }

    /// <summary>
    /// Writes the real rosenpass's configuration: it listens on <paramref name="iut"/> and reaches the runner through
    /// <paramref name="relay"/>; <paramref name="privateKeyOut"/>, when given, replaces the first peer's outfile.
    /// </summary>
    public string WriteInner(string path, IPEndPoint iut, IPEndPoint relay, Fault fault, string? privateKeyOut)
    {
        var lines = new List<string>();
        int peers = 0;
        bool keyOutReplaced = false;
        foreach (string line in _lines)
        {
            if (line.StartsWith("[[peers]]", StringComparison.Ordinal) && ++peers > 1 && fault == Fault.FirstPeerOnly) break;
            lines.Add(line.StartsWith(ListenKey, StringComparison.Ordinal) ? $"{ListenKey}[\"{iut}\"]"
                : line.StartsWith(EndpointKey, StringComparison.Ordinal) ? $"{EndpointKey}\"{relay}\""
                : line.StartsWith(VersionKey, StringComparison.Ordinal) && fault == Fault.WrongVersion ? OtherVersion(line)
                : line.StartsWith(KeyOutKey, StringComparison.Ordinal) && privateKeyOut != null && !keyOutReplaced && (keyOutReplaced = true)
                    ? $"{KeyOutKey}\"{privateKeyOut}\""
                : line);
        }
        File.WriteAllLines(path, lines);
        return path;
    }

    private static string OtherVersion(string line) => line.Contains("V03", StringComparison.Ordinal)
        ? line.Replace("V03", "V02", StringComparison.Ordinal) : line.Replace("V02", "V03", StringComparison.Ordinal);

    private string Required(string key, int index) =>
        _lines.Where(line => line.StartsWith(key, StringComparison.Ordinal)).Select(line => Unquote(line[key.Length..])!).ElementAtOrDefault(index)
        ?? throw new InvalidDataException($"the runner's configuration has no {key.Trim()} line number {index + 1}");

    private static string? Value(string[] lines, string key) =>
        lines.FirstOrDefault(line => line.StartsWith(key, StringComparison.Ordinal))?[key.Length..];

    private static string? Unquote(string? value) => value?.Trim('"');
}
