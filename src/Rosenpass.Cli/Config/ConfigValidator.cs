using Rosenpass.Cli.Keys;
using Rosenpass.Cli.Net;
using Rosenpass.Cli.Output;
using Rosenpass.Reference;

namespace Rosenpass.Cli.Config;

/// <summary>
/// The logical checks of a loaded configuration: upstream's (upstream-facts §3.3, <c>validate()</c>: the key files
/// load with the right sizes, endpoints resolve, each peer's key goes somewhere, the OSK keys come in pairs) and
/// ours, for what would otherwise fail only at run time or silently (issue #17): the key pair matches, no peer is
/// ourselves or a duplicate, outfiles can be written and are not shared or key files, endpoints are usable from
/// the listen sockets. <c>validate</c> reports them and the daemon refuses to start on the first one, so the two
/// agree on every configuration.
/// </summary>
public static class ConfigValidator
{
    /// <summary>Every problem found, in config order; empty when the config passes.</summary>
    public static IReadOnlyList<InputFormatException> Problems(RosenpassConfig config)
    {
        var problems = new List<InputFormatException>();
        byte[]? ownKey = config.PublicKey is { } pk ? Load(problems, () => KeyFiles.ReadPublicKey(pk)) : null;
        if (config.SecretKey is { } sk) CheckSecretKey(problems, sk, config.PublicKey, ownKey);
        var seen = new List<(byte[]? Key, string? Outfile)>();
        for (int i = 0; i < config.Peers.Count; i++) CheckPeer(problems, config, i, ownKey, seen);
        return problems;
    }

    /// <summary>Throws the first problem, if any.</summary>
    public static void Ensure(RosenpassConfig config)
    {
        var problems = Problems(config);
        if (problems.Count > 0) throw problems[0];
    }

    private static void CheckSecretKey(List<InputFormatException> problems, string path, string? publicKeyPath, byte[]? publicKey)
    {
        Check(problems, () =>
        {
            using var secretKey = KeyFiles.ReadSecretKey(path);
            if (publicKey != null && !KeyPairCheck.Matches(publicKey, secretKey))
                throw new InputFormatException(path, $"this secret key does not match the public key {publicKeyPath}");
        });
    }

    private static void CheckPeer(List<InputFormatException> problems, RosenpassConfig config, int index, byte[]? ownKey,
        List<(byte[]? Key, string? Outfile)> seen)
    {
        var peer = config.Peers[index];
        string Field(string key) => $"{config.SourcePath ?? "arguments"}: peers[{index}].{key}";
        byte[]? key = Load(problems, () => KeyFiles.ReadPublicKey(peer.PublicKey));
        if (key != null && ownKey != null && key.AsSpan().SequenceEqual(ownKey))
            problems.Add(new InputFormatException(Field("public_key"), $"{peer.PublicKey} is our own public key (public_key); a peer must be another host"));
        int duplicate = key == null ? -1 : seen.FindIndex(s => s.Key != null && s.Key.AsSpan().SequenceEqual(key));
        if (duplicate >= 0 && config.Peers[duplicate].ProtocolVersion == peer.ProtocolVersion)
            problems.Add(new InputFormatException(Field("public_key"), $"the same peer as peers[{duplicate}] (same public key and protocol version)"));
        if (peer.PreSharedKey is { } psk) Check(problems, () => KeyFiles.ReadPsk(psk).Dispose());
        if (peer.Endpoint is { } endpoint) Check(problems, () => EndpointCheck.Ensure(endpoint, config.Listen, Field("endpoint")));
        bool hasWireGuard = peer.WireGuard is { Device.Length: > 0, Peer.Length: > 0 };
        if (peer.KeyOut is null && !hasWireGuard)
            problems.Add(new InputFormatException(Field("key_out"), "the peer needs key_out, or device and peer, to put its key somewhere"));
        string? outfile = peer.KeyOut is { } keyOut ? CheckOutfile(problems, config, keyOut, Field("key_out"), seen) : null;
        if ((peer.OskOrganization is null) != (peer.OskLabel is null))
            problems.Add(new InputFormatException(Field("osk_organization"), "osk_organization and osk_label must be set together"));
        seen.Add((key, outfile));
    }

    /// <summary>The outfile's resolved path if it can receive keys and is nobody else's file; null after a problem.</summary>
    private static string? CheckOutfile(List<InputFormatException> problems, RosenpassConfig config, string keyOut, string field,
        List<(byte[]? Key, string? Outfile)> seen)
    {
        if (OutfileTarget.Problem(keyOut) is { } problem)
        {
            problems.Add(new InputFormatException(field, $"{RustDebugString.Quote(keyOut)} {problem}"));
            return null;
        }
        string target = OutfileTarget.Resolve(keyOut);
        int shared = seen.FindIndex(s => s.Outfile == target);
        if (shared >= 0)
        {
            problems.Add(new InputFormatException(field, $"{RustDebugString.Quote(keyOut)} is also the key_out of peers[{shared}]; each peer needs its own"));
            return null;
        }
        foreach (var (name, path) in KeyFilesOf(config))
        {
            if (path != null && SamePath(path, target))
            {
                problems.Add(new InputFormatException(field, $"{RustDebugString.Quote(keyOut)} is the {name} file; keys would overwrite it"));
                return null;
            }
        }
        return target;
    }

    /// <summary>Every file a configuration reads, by the name of its field.</summary>
    public static IEnumerable<(string Name, string? Path)> KeyFilesOf(RosenpassConfig config)
    {
        yield return ("secret_key", config.SecretKey);
        yield return ("public_key", config.PublicKey);
        for (int i = 0; i < config.Peers.Count; i++)
        {
            yield return ($"peers[{i}].public_key", config.Peers[i].PublicKey);
            yield return ($"peers[{i}].pre_shared_key", config.Peers[i].PreSharedKey);
        }
    }

    /// <summary>Whether two paths lead to the same file (after symlinks); a path that names no file matches nothing.</summary>
    public static bool SamePath(string path, string resolvedOther)
    {
        try
        {
            return OutfileTarget.Resolve(path) == resolvedOther;
        }
        catch (InputFormatException)
        {
            return false;
        }
    }

    private static T? Load<T>(List<InputFormatException> problems, Func<T> check) where T : class
    {
        try
        {
            return check();
        }
        catch (InputFormatException e)
        {
            problems.Add(e);
            return null;
        }
    }

    private static void Check(List<InputFormatException> problems, Action check)
    {
        try
        {
            check();
        }
        catch (InputFormatException e)
        {
            problems.Add(e);
        }
    }
}
