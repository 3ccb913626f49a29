using Rosenpass.Cli.Keys;
using Rosenpass.Reference;

namespace Rosenpass.Fuzz.Targets;

/// <summary>
/// The key-file loaders (src/Rosenpass.Cli): the input is written to a file, then read as a psk (base64 of 32 bytes,
/// the one real parser), a public key and a secret key. Only InputFormatException is an expected failure; an
/// accepted psk is 32 bytes.
/// </summary>
public static class KeyFilesTarget
{
    public static FuzzTarget Target { get; } = new("keys", "KeyFiles.ReadPsk / ReadPublicKey / ReadSecretKey on a file",
        Run, Seeds.KeyFiles);

    /// <summary>One scratch file per process, in memory where the system has /dev/shm.</summary>
    private static readonly string Scratch = Path.Combine(
        Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath(), $"rosenpass-fuzz-keys-{Environment.ProcessId}");

    private static void Run(byte[] input)
    {
        File.WriteAllBytes(Scratch, input);
        try
        {
            using var psk = KeyFiles.ReadPsk(Scratch);
            if (psk.Length != KeyFiles.PskBytes) throw new PropertyViolatedException($"a psk of {psk.Length} bytes was accepted");
        }
        catch (InputFormatException) { }
        try { KeyFiles.ReadPublicKey(Scratch); }
        catch (InputFormatException) { }
        try { KeyFiles.ReadSecretKey(Scratch).Dispose(); }
        catch (InputFormatException) { }
    }
}
