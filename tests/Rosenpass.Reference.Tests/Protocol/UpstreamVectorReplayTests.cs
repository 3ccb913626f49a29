using Rosenpass.Reference.Tests.Vectors;
using Rosenpass.Reference.Vectors;

namespace Rosenpass.Reference.Tests.Protocol;

/// <summary>
/// Byte-exact interoperability: replaying upstream's recorded V03 handshake reproduces every recorded output:
/// each chaining key, pidi_ct, the auth tags, the biscuit, all four messages (mac and cookie fields included)
/// and the exchanged key.
/// </summary>
public class UpstreamVectorReplayTests
{
    [Theory]
    [InlineData(UpstreamVectorReplay.Mode.BothRoles)]
    [InlineData(UpstreamVectorReplay.Mode.ResponderOnly)]
    [InlineData(UpstreamVectorReplay.Mode.InitiatorOnly)]
    public void Reproduces_every_recorded_output(UpstreamVectorReplay.Mode mode)
    {
        var problems = UpstreamVectorReplay.Check(UpstreamVector.Entries, mode);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData(17)] // a chaining key (IHI4)
    [InlineData(46)] // one byte of RespHello
    [InlineData(49)] // the exchanged key
    public void A_changed_output_is_reported_by_its_entry(int index)
    {
        var entries = UpstreamVector.Entries.ToList();
        byte[] changed = (byte[])entries[index].Value.Clone();
        changed[changed.Length / 2] ^= 0x01;
        entries[index] = entries[index] with { Value = changed };
        var problems = UpstreamVectorReplay.Check(entries);
        Assert.Contains(problems, p => p.StartsWith($"entry {index}"));
    }
}
