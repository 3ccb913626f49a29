using System.Security.Cryptography;
using Rosenpass.Cli.Keys;
using Rosenpass.Cli.Tests.Support;
using Rosenpass.Reference;

namespace Rosenpass.Cli.Tests.Keys;

public class KeyFilesTests
{
    [Fact]
    public void Psk_file_with_or_without_wg_genpsk_newline()
    {
        using var folder = new TempFolder();
        byte[] key = RandomNumberGenerator.GetBytes(32);
        string b64 = Convert.ToBase64String(key);
        foreach (var text in new[] { b64, b64 + "\n", b64 + "\r\n" })
        {
            using var psk = KeyFiles.ReadPsk(folder.Write("psk", text));
            Assert.True(psk.SecretEquals(key));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("AAAA")]
    [InlineData("not base64 at all, not base64 at all, not b=")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB=")] // non-zero padding bits: not the canonical encoding
    [InlineData(" AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")] // 34 bytes
    public void Bad_psk_files_name_the_file(string text)
    {
        using var folder = new TempFolder();
        string path = folder.Write("psk", text);
        var error = Assert.Throws<InputFormatException>(() => KeyFiles.ReadPsk(path));
        Assert.Equal(path, error.Input);
    }

    [Fact]
    public void Psk_files_over_1000_bytes_are_refused()
    {
        using var folder = new TempFolder();
        string path = folder.Write("psk", new string('A', 1001));
        Assert.Contains("too long", Assert.Throws<InputFormatException>(() => KeyFiles.ReadPsk(path)).Message);
    }

    [Fact]
    public void Written_psk_reads_back()
    {
        using var folder = new TempFolder();
        using var psk = Reference.Crypto.Secret.CopyOf(RandomNumberGenerator.GetBytes(32));
        KeyFiles.WritePsk(folder.File("psk"), psk);
        Assert.Equal(44, new FileInfo(folder.File("psk")).Length);
        Assert.Equal(SafeFile.OwnerOnly, File.GetUnixFileMode(folder.File("psk")));
        using var again = KeyFiles.ReadPsk(folder.File("psk"));
        Assert.True(again.SecretEquals(psk.Expose()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(524159)]
    [InlineData(524161)]
    public void Public_keys_of_the_wrong_size_are_refused(int size)
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("pk"), new byte[size]);
        var error = Assert.Throws<InputFormatException>(() => KeyFiles.ReadPublicKey(folder.File("pk")));
        Assert.Equal($"{folder.File("pk")}: a public key file must be exactly 524160 bytes, this one has {size}", error.Message);
    }

    [Fact]
    public void Secret_keys_of_the_wrong_size_missing_or_folders_are_refused()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("sk"), new byte[13607]);
        Assert.Contains("exactly 13608 bytes", Assert.Throws<InputFormatException>(() => KeyFiles.ReadSecretKey(folder.File("sk"))).Message);
        Assert.Contains("no such file", Assert.Throws<InputFormatException>(() => KeyFiles.ReadSecretKey(folder.File("none"))).Message);
        Assert.Contains("is a directory", Assert.Throws<InputFormatException>(() => KeyFiles.ReadSecretKey(folder.Path)).Message);
    }

    [Fact]
    public void Unreadable_key_files_are_a_typed_error()
    {
        if (Environment.UserName == "root") return; // root reads mode-000 files; nothing to test then
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("sk"), new byte[13608]);
        File.SetUnixFileMode(folder.File("sk"), UnixFileMode.None);
        Assert.Contains("permission denied", Assert.Throws<InputFormatException>(() => KeyFiles.ReadSecretKey(folder.File("sk"))).Message);
    }
}

/// <summary>Key generation is slow (~0.6 s a pair): one class, one pair.</summary>
public class KeyGenerationTests
{
    [Fact]
    public void Gen_keys_writes_exact_sizes_secret_0600_and_refuses_to_overwrite()
    {
        using var folder = new TempFolder();
        KeyFiles.GenerateKeyPair(folder.File("pk"), folder.File("sk"), force: false);
        Assert.Equal(524160, new FileInfo(folder.File("pk")).Length);
        Assert.Equal(13608, new FileInfo(folder.File("sk")).Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(folder.File("sk")));
        byte[] before = File.ReadAllBytes(folder.File("sk"));
        var error = Assert.Throws<InputFormatException>(() => KeyFiles.GenerateKeyPair(folder.File("pk"), folder.File("sk"), force: false));
        Assert.Contains("already exists", error.Message);
        Assert.Equal(before, File.ReadAllBytes(folder.File("sk")));
        KeyFiles.ReadPublicKey(folder.File("pk"));
        KeyFiles.ReadSecretKey(folder.File("sk")).Dispose();
    }
}
