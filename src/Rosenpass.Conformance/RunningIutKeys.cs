using Rosenpass.Reference.Crypto;

namespace Rosenpass.Conformance;

/// <summary>
/// Running mode needs the IUT to know our public key before it starts. If neither of our key files exists, the
/// runner generates the pair and prints the <c>[[peers]]</c> entry to add to the IUT's configuration; the user
/// then starts the IUT and runs the same command again.
/// </summary>
internal static class RunningIutKeys
{
    /// <summary>True if the pair was generated now (and nothing can be tested yet).</summary>
    public static bool GenerateIfAbsent(RunningIut running, ProtocolVersion version, TextWriter output)
    {
        if (File.Exists(running.OurPublicKeyPath) || File.Exists(running.OurSecretKeyPath)) return false;
        using var pair = KeyPair.Generate(SystemRandom.Instance);
        KeyPairFiles.Save(pair, running.OurPublicKeyPath, running.OurSecretKeyPath);
        output.WriteLine("Generated our key pair. Add this peer to the IUT's configuration (upstream's TOML format), start it,");
        output.WriteLine("and run the same command again:");
        output.WriteLine();
        output.WriteLine("[[peers]]");
        output.WriteLine($"public_key = \"{Path.GetFullPath(running.OurPublicKeyPath)}\"");
        output.WriteLine($"key_out = \"{Path.GetFullPath(running.OutfilePath)}\"");
        if (running.PskPath is { } psk) output.WriteLine($"pre_shared_key = \"{Path.GetFullPath(psk)}\"");
        output.WriteLine($"protocol_version = \"{version}\"");
        return true;
    }
}
