using System.Text;
using Rosenpass.Cli.Keys;
using Rosenpass.Reference;
using Rosenpass.Reference.Crypto;
using Tomlyn;
using Tomlyn.Model;

namespace Rosenpass.Cli.Config;

/// <summary>
/// Reads upstream's TOML configuration (upstream-facts §3.3). Like upstream's loader it checks the schema
/// only (types, required and unknown keys); whether files exist is <see cref="ConfigValidator"/>'s job.
/// Every problem is an <see cref="InputFormatException"/> naming the file and the field.
/// </summary>
public static class ConfigLoader
{
    public static RosenpassConfig Load(string path)
    {
        string text = Encoding.UTF8.GetString(SafeFile.ReadAll(path, SafeFile.MaxConfigBytes));
        return Parse(text, path);
    }

    /// <summary>Reads configuration <paramref name="text"/>; <paramref name="file"/> names it in errors.</summary>
    public static RosenpassConfig Parse(string text, string file)
    {
        var fields = new TomlFields(file, "", ParseToml(text, file));
        var config = new RosenpassConfig { SourcePath = file };
        config.PublicKey = ExpandTilde(fields.OptionalString("public_key"));
        config.SecretKey = ExpandTilde(fields.OptionalString("secret_key"));
        if ((config.PublicKey is null) != (config.SecretKey is null))
            throw fields.Error(config.PublicKey is null ? "public_key" : "secret_key", "missing field (public_key and secret_key go together)");

        var listen = fields.RequiredStringArray("listen");
        for (int i = 0; i < listen.Count; i++)
        {
            config.Listen.Add(SocketAddressParser.TryParse(listen[i])
                ?? throw fields.Error($"listen[{i}]", $"\"{listen[i]}\" is not a socket address (like 0.0.0.0:9999 or [::]:9999)"));
        }

        config.Verbosity = fields.OptionalString("verbosity") switch
        {
            null or "Quiet" => Verbosity.Quiet,
            "Verbose" => Verbosity.Verbose,
            var other => throw fields.Error("verbosity", $"unknown variant \"{other}\", expected \"Quiet\" or \"Verbose\""),
        };

        config.DosDefence = fields.OptionalString("dos_defence") switch
        {
            null or "auto" => DosDefence.Auto,
            "always" => DosDefence.Always,
            "never" => DosDefence.Never,
            var other => throw fields.Error("dos_defence", $"unknown value \"{other}\", expected \"auto\", \"always\" or \"never\""),
        };

        var peers = fields.RequiredTableArray("peers");
        for (int i = 0; i < peers.Count; i++) config.Peers.Add(ParsePeer(new TomlFields(file, $"peers[{i}].", peers[i])));
        fields.RejectUnknownKeys();
        return config;
    }

    private static PeerConfig ParsePeer(TomlFields fields)
    {
        var peer = new PeerConfig
        {
            PublicKey = ExpandTilde(fields.RequiredString("public_key"))!,
            Endpoint = fields.OptionalString("endpoint"),
            PreSharedKey = ExpandTilde(fields.OptionalString("pre_shared_key")),
            KeyOut = ExpandTilde(fields.OptionalString("key_out")),
            WireGuard = ParseWireGuard(fields),
            ProtocolVersion = fields.OptionalString("protocol_version") switch
            {
                null or "V02" => ProtocolVersion.V02,
                "V03" => ProtocolVersion.V03,
                var other => throw fields.Error("protocol_version", $"unknown variant \"{other}\", expected \"V02\" or \"V03\""),
            },
            OskOrganization = fields.OptionalString("osk_organization"),
            OskLabel = fields.OptionalStringArray("osk_label"),
        };
        fields.RejectUnknownKeys();
        return peer;
    }

    /// <summary>device and peer are both required once any WireGuard key is present (upstream flattens them).</summary>
    private static WireGuardConfig? ParseWireGuard(TomlFields fields)
    {
        string? device = fields.OptionalString("device");
        string? wgPeer = fields.OptionalString("peer");
        var extra = fields.OptionalStringArray("extra_params");
        if (device is null && wgPeer is null && extra is null) return null;
        if (device is null) throw fields.Error("device", "missing field (needed with peer/extra_params)");
        if (wgPeer is null) throw fields.Error("peer", "missing field (needed with device/extra_params)");
        return new WireGuardConfig(device, wgPeer, extra ?? []);
    }

    private static TomlTable ParseToml(string text, string file)
    {
        try
        {
            return TomlSerializer.Deserialize(text, TomlModelContext.Default.TomlTable)
                ?? throw new InputFormatException(file, "is empty or not a TOML table");
        }
        // Tomlyn also throws ArgumentOutOfRangeException on some malformed escapes (found by fuzz/run.sh config,
        // regression: tests/Rosenpass.Reference.Tests/Fuzz/regressions/config/): still just invalid TOML.
        catch (Exception e) when (e is TomlException or ArgumentException)
        {
            throw new InputFormatException(file, $"is not valid TOML: {FirstLine(e.Message)}");
        }
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    /// <summary>Upstream resolves a leading <c>~/</c> in key, psk and outfile paths to the home directory.</summary>
    public static string? ExpandTilde(string? path)
    {
        if (path is null || !(path == "~" || path.StartsWith("~/", StringComparison.Ordinal))) return path;
        string home = Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } h
            ? h
            : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return path == "~" ? home : Path.Combine(home, path[2..]);
    }
}
