using Rosenpass.Reference.Protocol;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Reference.Tests.Protocol;

/// <summary>
/// Biscuit-key rotation (spec §7.2): the responder seals biscuits under the young key until it is one biscuit epoch
/// old, then re-randomises the other key and uses it. (First pinned by a Stryker survivor.)
/// </summary>
public class BiscuitKeyTests
{
    [Fact]
    public void The_biscuit_key_rotates_once_the_young_key_is_a_biscuit_epoch_old()
    {
        using var pair = new ServerPair();
        // Both keys start ancient; upstream's first biscuit uses key 1 (spec §7.2, the vector's biscuit).
        var first = RespHello.Read(Envelope.Payload(pair.B.HandleMessage(pair.A.Initiate(pair.PeerB)).Response!));
        Assert.Equal(1, Biscuit.KeyIndex(first.Biscuit));

        pair.Clock.Now = Timing.BiscuitEpoch - 1; // key 1 is still Young
        var same = RespHello.Read(Envelope.Payload(pair.B.HandleMessage(pair.A.Initiate(pair.PeerB)).Response!));
        Assert.Equal(1, Biscuit.KeyIndex(same.Biscuit));

        pair.Clock.Now = Timing.BiscuitEpoch + 1; // key 1 is Retired: key 0 is re-randomised and used
        var rotated = RespHello.Read(Envelope.Payload(pair.B.HandleMessage(pair.A.Initiate(pair.PeerB)).Response!));
        Assert.Equal(0, Biscuit.KeyIndex(rotated.Biscuit));
    }
}
