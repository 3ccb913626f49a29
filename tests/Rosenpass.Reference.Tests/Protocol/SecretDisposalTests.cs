using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol;
using Rosenpass.Reference.Tests.Vectors;
using static Rosenpass.Reference.Tests.Protocol.DescribedState;

namespace Rosenpass.Reference.Tests.Protocol;

/// <summary>
/// Secrets are zeroed when the state holding them ends (spec §2.7): a server that is disposed, a session that a newer
/// one replaces or that dies, a handshake that a new one replaces or that dies, the chaining key a handshake no
/// longer needs after RespHello. A disposed <see cref="Secret"/> refuses <see cref="Secret.Expose"/>, which is how
/// these tests see the zeroing. Written to kill Stryker's statement mutants of the Dispose calls.
/// </summary>
public class SecretDisposalTests
{
    private static void AssertDisposed(Secret secret) => Assert.Throws<ObjectDisposedException>(() => secret.Expose().ToArray());

    private static void AssertDisposed(ChainingKey ck) => Assert.Throws<ObjectDisposedException>(() => ck.Value.ToArray());

    private static void AssertDisposed(Session session)
    {
        AssertDisposed(session.Txkm);
        AssertDisposed(session.Txkt);
        AssertDisposed(session.Ck);
    }

    private static void AssertDisposed(InitiatorHandshake handshake)
    {
        AssertDisposed(handshake.Ck!);
        AssertDisposed(handshake.Eski);
        AssertDisposed(handshake.CookieValue);
    }

    [Fact]
    public void Disposing_a_server_zeroes_its_secret_key_psks_handshakes_and_sessions()
    {
        byte[] psk = UpstreamVector.Value(UpstreamVector.Psk);
        using var pair = new ServerPair(pskAtA: psk, pskAtB: psk); // disposing a twice (here and at the end) is harmless
        var ic = ServerPair.Accept(pair.A, ServerPair.Accept(pair.B, pair.A.Initiate(pair.PeerB)).Response!);
        ServerPair.TakeKey(ic);
        pair.A.Initiate(pair.PeerB); // a second handshake while the first one's session lives
        var session = pair.PeerB.Session!;
        var handshake = pair.PeerB.Handshake!;

        pair.A.Dispose();
        AssertDisposed(pair.SecretKeyA);
        AssertDisposed(pair.PeerB.Psk);
        AssertDisposed(session);
        AssertDisposed(handshake);
    }

    [Fact]
    public void A_session_replaced_by_a_newer_one_is_zeroed_on_both_sides()
    {
        using var pair = new ServerPair();
        pair.Handshake();
        var oldA = pair.PeerB.Session!;
        var oldB = pair.PeerA.Session!;
        pair.Handshake();
        AssertDisposed(oldA); // replaced at RespHello, initiator side
        AssertDisposed(oldB); // replaced at InitConf, responder side
        Assert.NotSame(oldA, pair.PeerB.Session);
        pair.PeerB.Session!.Txkm.Expose(); // the new session is intact
    }

    [Fact]
    public void A_session_that_dies_is_zeroed_and_leaves_the_index()
    {
        using var pair = new ServerPair(bInitiates: false);
        pair.Handshake();
        var session = pair.PeerA.Session!;
        Assert.Contains(IndexEntry(session.Sidm, 0), IndexLine(pair.B));

        pair.Clock.Now = Timing.RejectAfterTime;
        var stale = Assert.IsType<KeyStale>(Assert.Single(pair.B.Poll().Events));
        stale.Key.Dispose();
        Assert.False(pair.PeerA.HasSession);
        AssertDisposed(session);
        Assert.Equal("index ", IndexLine(pair.B));
    }

    [Fact]
    public void A_new_initiation_zeroes_the_old_handshake_and_frees_its_session_id()
    {
        using var pair = new ServerPair();
        pair.A.Initiate(pair.PeerB);
        var old = pair.PeerB.Handshake!;
        Assert.Equal("index " + IndexEntry(old.Sidi, 0), IndexLine(pair.A));

        pair.A.Initiate(pair.PeerB);
        var current = pair.PeerB.Handshake!;
        AssertDisposed(old);
        Assert.Equal("index " + IndexEntry(current.Sidi, 0), IndexLine(pair.A));
    }

    [Fact]
    public void A_handshake_that_dies_is_zeroed_at_the_poll()
    {
        using var pair = new ServerPair();
        pair.A.Initiate(pair.PeerB);
        var old = pair.PeerB.Handshake!;
        pair.Clock.Now = Timing.RejectAfterTime;
        pair.A.Poll(); // drops the dead handshake, then starts a new one (a initiates)
        AssertDisposed(old);
        Assert.NotSame(old, pair.PeerB.Handshake);
        Assert.DoesNotContain(IndexEntry(old.Sidi, 0), IndexLine(pair.A));
    }

    [Fact]
    public void The_handshakes_chaining_key_is_zeroed_once_RespHello_made_the_session()
    {
        using var pair = new ServerPair();
        pair.A.Initiate(pair.PeerB);
        var ck = pair.PeerB.Handshake!.Ck!;
        var ic = ServerPair.Accept(pair.A, ServerPair.Accept(pair.B, pair.PeerB.Handshake.StoredMessage).Response!);
        ServerPair.TakeKey(ic);
        Assert.Null(pair.PeerB.Handshake.Ck);
        AssertDisposed(ck);
        pair.PeerB.Handshake.Eski.Expose(); // the rest of the handshake stays until EmptyData
    }

    [Fact]
    public void A_cookie_value_replaced_by_a_CookieReply_is_zeroed()
    {
        using var pair = new ServerPair(loadAtB: FixedLoadPolicy.Always);
        byte[] ih = pair.A.Initiate(pair.PeerB);
        var randomCookie = pair.PeerB.Handshake!.CookieValue;
        ServerPair.Accept(pair.A, pair.B.HandleMessage(ih).Response!);
        AssertDisposed(randomCookie);
        Assert.NotSame(randomCookie, pair.PeerB.Handshake.CookieValue);
    }

    [Fact]
    public void Disposing_rotating_keys_zeroes_both_keys()
    {
        var keys = new RotatingKeys(16, Timing.CookieSecretEpoch, SystemRandom.Instance);
        var (first, second) = (keys[0], keys[1]);
        keys.Dispose();
        AssertDisposed(first);
        AssertDisposed(second);
    }

    [Fact]
    public void Disposing_a_server_disposes_its_peers_psks()
    {
        var pair = new ServerPair(pskAtA: Enumerable.Repeat((byte)7, 32).ToArray());
        pair.Dispose();
        Assert.Throws<ObjectDisposedException>(() => pair.PeerB.Psk.Expose().ToArray());
    }

    [Fact]
    public void An_opened_biscuit_holds_what_was_sealed_and_disposing_it_zeroes_its_chaining_key()
    {
        var labels = Labels.For(ProtocolVersion.V03);
        using var key = Secret.Random(XAead.KeyLength, SystemRandom.Instance);
        byte[] pidi = [.. Enumerable.Range(1, 32).Select(i => (byte)i)], number = new byte[Biscuit.NumberLength], ck = new byte[32];
        number[0] = 5;
        ck[31] = 0xc4;
        byte[] ad = [1, 2, 3];
        using var plaintext = Biscuit.Plaintext(pidi, number, ck);
        byte[] sealedBiscuit = new byte[Biscuit.CiphertextLength];
        Biscuit.Seal(key, 1, new byte[XAead.NonceLength], ad, plaintext, sealedBiscuit);

        var opened = Biscuit.Open(key, labels, ad, sealedBiscuit);
        Assert.NotNull(opened);
        Assert.Equal(pidi, opened.Pidi);
        Assert.Equal(number, opened.Number);
        Assert.Equal(ck, opened.Ck.Value.ToArray());
        opened.Dispose();
        AssertDisposed(opened.Ck);

        sealedBiscuit[^1] ^= 1;
        Assert.Null(Biscuit.Open(key, labels, ad, sealedBiscuit));
    }
}
