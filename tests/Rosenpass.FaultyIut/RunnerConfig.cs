using System.Net;

namespace Rosenpass.FaultyIut;

/// <summary>
/// The configuration the conformance runner wrote (src/Rosenpass.Conformance/Iut/IutConfigFile.cs): one
/// <c>listen</c> line and, when the IUT initiates, one <c>endpoint</c> line. The real rosenpass gets a copy with
/// both pointed at the relay.
/// </summary>
internal sealed class RunnerConfig
{
    private const string ListenKey = "listen = ";
    private const string EndpointKey = "endpoint = ";

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

    public static RunnerConfig Read(string path)
    {
        string[] lines = File.ReadAllLines(path);
        string listen = Value(lines, ListenKey) ?? throw new InvalidDataException($"{path}: no {ListenKey.Trim()} line");
        string? endpoint = Value(lines, EndpointKey);
        return new RunnerConfig(lines, IPEndPoint.Parse(listen.Trim('[', ']', '"')),
            endpoint is null ? null : IPEndPoint.Parse(endpoint.Trim('"')));
    }

    /// <summary>Writes the real rosenpass's configuration: it listens on <paramref name="iut"/> and reaches the runner through <paramref name="relay"/>.</summary>
    public string WriteInner(string path, IPEndPoint iut, IPEndPoint relay)
    {
        var lines = _lines.Select(line =>
            line.StartsWith(ListenKey, StringComparison.Ordinal) ? $"{ListenKey}[\"{iut}\"]"
            : line.StartsWith(EndpointKey, StringComparison.Ordinal) ? $"{EndpointKey}\"{relay}\""
            : line);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static string? Value(string[] lines, string key) =>
        lines.FirstOrDefault(line => line.StartsWith(key, StringComparison.Ordinal))?[key.Length..];
}
