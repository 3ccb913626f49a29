using Rosenpass.Cli.Keys;

namespace Rosenpass.Cli.Tests.Support;

/// <summary>
/// Three McEliece key pairs (a, b, c), generated once per test class by our own <c>gen-keys</c> code
/// (keygen costs ~0.6 s a pair) and copied into each test's folder.
/// </summary>
public sealed class KeyPairFixture : IDisposable
{
    private readonly TempFolder _folder = new();

    public KeyPairFixture()
    {
        foreach (var name in Names) KeyFiles.GenerateKeyPair(_folder.File(name + ".pk"), _folder.File(name + ".sk"), force: false);
    }

    public static readonly string[] Names = ["a", "b", "c"];

    /// <summary>Copies <paramref name="name"/>.pk and .sk into <paramref name="target"/> (secret key 0600).</summary>
    public void CopyTo(TempFolder target, params string[] names)
    {
        foreach (var name in names)
        {
            File.Copy(_folder.File(name + ".pk"), target.File(name + ".pk"), overwrite: true);
            File.Copy(_folder.File(name + ".sk"), target.File(name + ".sk"), overwrite: true);
            File.SetUnixFileMode(target.File(name + ".sk"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    public byte[] PublicKey(string name) => File.ReadAllBytes(_folder.File(name + ".pk"));

    public void Dispose() => _folder.Dispose();
}
