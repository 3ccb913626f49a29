using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Reference.Tests.Protocol;

/// <summary>
/// FieldReader and FieldWriter (Protocol/Messages/FieldCursor.cs): End() is the check that a message layout's fields
/// add up to its payload size. Written to kill Stryker's removals of those two checks.
/// </summary>
public class FieldCursorTests
{
    [Fact]
    public void Reader_end_refuses_a_source_with_bytes_left_over()
    {
        Assert.Throws<InvalidOperationException>(() => new FieldReader(new byte[3]).Read(new byte[2]).End());
    }

    [Fact]
    public void Reader_end_accepts_a_source_read_to_its_last_byte()
    {
        byte[] first = new byte[1], second = new byte[2];
        new FieldReader([7, 8, 9]).Read(first).Read(second).End();
        Assert.Equal(new byte[] { 7 }, first);
        Assert.Equal(new byte[] { 8, 9 }, second);
    }

    [Fact]
    public void Writer_end_refuses_a_destination_with_bytes_left_over()
    {
        Assert.Throws<InvalidOperationException>(() => new FieldWriter(new byte[3]).Write([1, 2]).End());
    }

    [Fact]
    public void Writer_end_accepts_a_destination_written_to_its_last_byte()
    {
        byte[] destination = new byte[3];
        new FieldWriter(destination).Write([7]).Write([8, 9]).End();
        Assert.Equal(new byte[] { 7, 8, 9 }, destination);
    }
}
