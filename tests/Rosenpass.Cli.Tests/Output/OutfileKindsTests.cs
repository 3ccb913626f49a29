using System.Diagnostics;
using System.Security.Cryptography;
using Rosenpass.Cli.Output;
using Rosenpass.Cli.Tests.Support;
using Rosenpass.Reference;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Cli.Tests.Output;

/// <summary>
/// What the outfile is decides how the key gets there (issue #17): a regular file is replaced atomically, a symlink
/// is followed and its target replaced atomically, a FIFO or character device is written in place as upstream does.
/// </summary>
public class OutfileKindsTests
{
    private static byte[] WriteKey(string path)
    {
        byte[] key = RandomNumberGenerator.GetBytes(32);
        using var secret = Secret.CopyOf(key);
        OutfileWriter.Write(path, secret);
        return key;
    }

    [Fact]
    public void A_symlink_is_followed_and_its_target_replaced()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("real"));
        string target = folder.Write("real/key", "old");
        File.CreateSymbolicLink(folder.File("link"), target);
        byte[] key = WriteKey(folder.File("link"));
        Assert.Equal(target, new FileInfo(folder.File("link")).LinkTarget); // still the link
        Assert.Equal(Convert.ToBase64String(key), File.ReadAllText(target));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(target));
        Assert.Equal(["key"], Directory.GetFiles(folder.File("real")).Select(Path.GetFileName)); // no temporary left
    }

    [Fact]
    public void A_relative_symlink_chain_is_followed()
    {
        using var folder = new TempFolder();
        folder.Write("target", "old");
        File.CreateSymbolicLink(folder.File("second"), "target");
        File.CreateSymbolicLink(folder.File("first"), "second");
        byte[] key = WriteKey(folder.File("first"));
        Assert.Equal(Convert.ToBase64String(key), File.ReadAllText(folder.File("target")));
        Assert.Equal("second", new FileInfo(folder.File("first")).LinkTarget);
    }

    [Fact]
    public async Task A_fifo_is_written_in_place_and_its_reader_gets_the_key()
    {
        using var folder = new TempFolder();
        string fifo = folder.File("fifo");
        using (var mkfifo = Process.Start("mkfifo", [fifo])) mkfifo.WaitForExit();
        var read = Task.Run(() => File.ReadAllText(fifo)); // blocks until the writer opens and closes
        byte[] key = WriteKey(fifo);
        Assert.Equal(Convert.ToBase64String(key), await read.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(["fifo"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName));
    }

    /// <summary>
    /// Never on /dev/null itself: a faulty writer would replace it by a regular file for the whole machine (it did,
    /// once, while this test was being written against the old writer). A node of our own, like /dev/null (1, 3),
    /// needs mknod, which needs root, as CI has; elsewhere the node cannot be made and the FIFO test stands alone.
    /// </summary>
    [Fact]
    public void A_character_device_is_written_in_place()
    {
        using var folder = new TempFolder();
        string device = folder.File("null");
        using (var mknod = Process.Start("mknod", ["-m", "666", device, "c", "1", "3"])) mknod.WaitForExit();
        if (!File.Exists(device)) return; // not root: no device node to test with (see above)
        WriteKey(device);
        Assert.Equal(["null"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName));
        Assert.Empty(File.ReadAllBytes(device)); // still the null device: what was written is gone
    }

    [Fact]
    public void Errors_name_the_outfile_not_the_temporary_file()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Write("file", "not a folder"), "out"); // fails as root too
        var error = Assert.Throws<InputFormatException>(() => WriteKey(path));
        Assert.Equal(path, error.Input);
        Assert.DoesNotContain(".tmp", error.Message);
        Assert.Equal(["file"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("")]
    [InlineData("nul\0inside")]
    public void Impossible_paths_are_our_typed_error(string path)
    {
        var error = Assert.Throws<InputFormatException>(() => WriteKey(path));
        Assert.Equal(path, error.Input);
    }
}
