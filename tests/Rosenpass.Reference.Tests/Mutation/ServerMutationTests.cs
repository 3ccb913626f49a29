using Rosenpass.Reference.Protocol;
using Rosenpass.Reference.Protocol.Messages;
using Rosenpass.Reference.Tests.Protocol;

namespace Rosenpass.Reference.Tests.Mutation;

/// <summary>
/// Behaviour that Stryker's surviving mutants showed no test pinned: biscuit-key rotation after one epoch (spec §7.2),
/// that disposing a server zeroes the peers' psks, and the one-line description of an outcome.
/// </summary>
public class ServerMutationTests
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

    [Fact]
    public void Disposing_a_server_disposes_its_peers_psks()
    {
        var pair = new ServerPair(pskAtA: Enumerable.Repeat((byte)7, 32).ToArray());
        pair.Dispose();
        Assert.Throws<ObjectDisposedException>(() => pair.PeerB.Psk.Expose().ToArray());
    }

    [Fact]
    public void An_outcome_describes_itself_as_accepted_or_rejected_with_the_reason()
    {
        using var pair = new ServerPair();
        var accepted = pair.B.HandleMessage(pair.A.Initiate(pair.PeerB));
        Assert.Equal("accepted InitHello", accepted.ToString());
        var rejected = pair.B.HandleMessage([0x85]);
        Assert.StartsWith("rejected : UnknownMessageType", rejected.ToString());
    }
}
