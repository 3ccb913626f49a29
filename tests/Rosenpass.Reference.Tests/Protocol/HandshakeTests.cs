using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Reference.Tests.Protocol;

/// <summary>Complete handshakes between two of our servers (spec §6), and the configurations that must fail.</summary>
public class HandshakeTests
{
    [Theory]
    [InlineData(ProtocolVersion.V02)]
    [InlineData(ProtocolVersion.V03)]
    public void Both_sides_output_the_same_key(ProtocolVersion version)
    {
        using var pair = new ServerPair(version, version, pskAtA: [.. Enumerable.Range(1, 32).Select(i => (byte)i)],
            pskAtB: [.. Enumerable.Range(1, 32).Select(i => (byte)i)]);
        var run = pair.Handshake();
        Assert.Equal(run.KeyA, run.KeyB);
        Assert.True(pair.PeerB.HasSession);
        Assert.False(pair.PeerB.HasHandshake); // EmptyData ended the initiator's retransmissions
        Assert.True(pair.PeerA.HasSession);
        Assert.Equal([InitHello.Length, RespHello.Length, InitConf.Length, EmptyData.Length],
            new[] { run.InitHello.Length, run.RespHello.Length, run.InitConf.Length, run.EmptyData.Length });
    }

    [Fact]
    public void The_two_versions_give_different_keys_and_wire_bytes()
    {
        using var v02 = new ServerPair(ProtocolVersion.V02, ProtocolVersion.V02);
        using var v03 = new ServerPair(ProtocolVersion.V03, ProtocolVersion.V03);
        Assert.NotEqual(v02.Handshake().KeyA, v03.Handshake().KeyA);
    }

    [Fact]
    public void A_custom_output_key_separator_changes_the_key_and_both_sides_agree()
    {
        var custom = OskDomainSeparator.Custom("example.org", ["test", "key"]);
        using var pair = new ServerPair(oskAtA: custom, oskAtB: custom);
        var run = pair.Handshake();
        Assert.Equal(run.KeyA, run.KeyB);

        using var plain = new ServerPair();
        Assert.NotEqual(plain.Handshake().KeyA, run.KeyA);
    }

    [Fact]
    public void Mismatched_separators_give_different_keys()
    {
        using var pair = new ServerPair(oskAtA: OskDomainSeparator.Custom("example.org", ["a"]), oskAtB: OskDomainSeparator.Custom("example.org", ["b"]));
        var run = pair.Handshake();
        Assert.NotEqual(run.KeyA, run.KeyB);
    }

    [Theory]
    [InlineData(ProtocolVersion.V02, ProtocolVersion.V03)]
    [InlineData(ProtocolVersion.V03, ProtocolVersion.V02)]
    public void Peers_configured_with_different_versions_get_no_key(ProtocolVersion atA, ProtocolVersion atB)
    {
        using var pair = new ServerPair(atA, atB);
        byte[] ih = pair.A.Initiate(pair.PeerB);
        string before = pair.B.DescribeState();
        var outcome = pair.B.HandleMessage(ih);
        Assert.False(outcome.Accepted);
        // The mac tells the initiator's version; b looks a up by the peer id of that version and does not find it.
        Assert.Equal(RejectionKind.UnknownPeer, outcome.Rejection!.Kind);
        Assert.Empty(outcome.Events);
        Assert.Equal(before, pair.B.DescribeState());
    }

    [Fact]
    public void A_different_psk_gets_no_key()
    {
        using var pair = new ServerPair(pskAtA: new byte[32], pskAtB: [.. Enumerable.Repeat((byte)7, 32)]);
        byte[] ih = pair.A.Initiate(pair.PeerB);
        string before = pair.B.DescribeState();
        var outcome = pair.B.HandleMessage(ih);
        Assert.Equal(RejectionKind.BadAuthTag, outcome.Rejection?.Kind); // IHR8
        Assert.Equal(before, pair.B.DescribeState());
    }

    [Fact]
    public void An_unknown_peer_gets_no_key()
    {
        using var pair = new ServerPair();
        using var stranger = new Server(pair.B.PublicKey, Secret.CopyOf(Vectors.UpstreamVector.Value(Vectors.UpstreamVector.PeerBSecretKey)));
        // b without a configured: a's InitHello names a peer b does not know.
        byte[] ih = pair.A.Initiate(pair.PeerB);
        var outcome = stranger.HandleMessage(ih);
        Assert.Equal(RejectionKind.UnknownPeer, outcome.Rejection?.Kind);
    }

    [Fact]
    public void No_psk_means_32_zero_bytes()
    {
        using var implicitZero = new ServerPair(pskAtA: null, pskAtB: new byte[32]);
        var run = implicitZero.Handshake();
        Assert.Equal(run.KeyA, run.KeyB);
    }

    [Fact]
    public void A_duplicate_peer_is_refused()
    {
        using var pair = new ServerPair();
        // Peers are indexed by peer id, which depends on the key and the version (spec §4.7).
        Assert.Throws<ArgumentException>(() => pair.A.AddPeer(pair.B.PublicKey, version: ProtocolVersion.V03));
    }

    [Fact]
    public void A_second_handshake_replaces_the_session_with_a_new_key()
    {
        using var pair = new ServerPair();
        var first = pair.Handshake();
        var second = pair.Handshake();
        Assert.Equal(second.KeyA, second.KeyB);
        Assert.NotEqual(first.KeyA, second.KeyA);
    }
}
