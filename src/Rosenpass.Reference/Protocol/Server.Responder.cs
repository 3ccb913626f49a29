using System.Buffers.Binary;
using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Reference.Protocol;

/// <summary>The responder's side of the handshake (spec §6.2, §6.4). The responder keeps no handshake state:
/// what it needs later travels in the biscuit.</summary>
public sealed partial class Server
{
    /// <summary>The responder handles InitHello and answers with RespHello (spec §6.2).</summary>
    private HandleOutcome HandleInitHello(ReadOnlySpan<byte> datagram, ReadOnlySpan<byte> hostId, double now)
    {
        // The mac first: it is cheap, and it tells which version the initiator speaks (spec §6.6, §8.1).
        var version = VersionByMac(datagram);
        if (version == null) return HandleOutcome.Reject(MessageType.InitHello, RejectionKind.BadMac, "mac verifies under no version");
        if (_load.IsUnderLoad(now))
        {
            // Under load (spec §8.3, §8.5.4): without a valid cookie, a CookieReply instead of the decapsulation;
            // with one, the source must still have a token left.
            if (!CookieIsValid(datagram, hostId, now))
                return HandleOutcome.Accept(MessageType.InitHello, null, CreateCookieReply(datagram, hostId, now));
            if (!_load.TryTakeToken(hostId, now))
                return HandleOutcome.Reject(MessageType.InitHello, RejectionKind.RateLimited, "this source's InitHello rate under load is used up");
        }

        var msg = InitHello.Read(Envelope.Payload(datagram));
        var labels = Labels.For(version.Value);

        // IHR1: ck = init(spkr), our own public key.
        using var ck = Traced(ChainingKey.Init(labels, _own[version.Value].ChainingKeyInit));
        TraceCk("IHR1", ck);

        // IHR4: mix(sidi, epki).
        ck.Mix(msg.Sidi, msg.Epki);
        TraceCk("IHR4", ck);

        // IHR5: decaps_and_mix<SKEM>(sskr, spkr, sctr).
        ck.DecapsAndMix(_staticKem, _sskm.Expose(), _spkm, msg.Sctr);
        TraceCk("IHR5", ck);

        // IHR6: pidi = decrypt_and_mix(pidi_ct); the peer must be known, with this version.
        byte[] pidi = new byte[FieldLength.PeerId];
        if (!ck.DecryptAndMix(msg.PidiCt, pidi))
            return HandleOutcome.Reject(MessageType.InitHello, RejectionKind.BadAuthTag, "pidi_ct does not decrypt");
        TraceCk("IHR6", ck);
        var peer = FindPeer(pidi);
        if (peer == null) return HandleOutcome.Reject(MessageType.InitHello, RejectionKind.UnknownPeer, "no peer with this id");
        TraceOperation("IHR6", "find_peer", "pidi");
        if (peer.Version != version)
            return HandleOutcome.Reject(MessageType.InitHello, RejectionKind.HashFunctionMismatch, $"peer is configured for {peer.Version}");

        // IHR7: mix(spki, psk).
        ck.Mix(peer.PublicKey, peer.Psk.Expose());
        TraceCk("IHR7", ck);

        // IHR8: decrypt_and_mix(auth).
        if (!ck.DecryptAndMix(msg.Auth, []))
            return HandleOutcome.Reject(MessageType.InitHello, RejectionKind.BadAuthTag, "InitHello auth does not verify");
        TraceCk("IHR8", ck);

        // Tie-break, rule 1 (spec §9.6): a peer we lead is not answered while our own handshake with it awaits
        // EmptyData; our handshake finishes first, and the peer's InitHello is retransmitted until it is answered.
        if (peer.LeadsTieBreak && peer.Handshake is { Next: HandshakeNext.EmptyData })
            return HandleOutcome.Reject(MessageType.InitHello, RejectionKind.ConcurrentHandshake, "our own handshake with this peer awaits EmptyData");

        // Every check has passed. From here on the responder only builds its answer.
        var resp = new RespHello();
        msg.Sidi.CopyTo(resp.Sidi);

        // RHR1: sidr = random(4).
        DrawSessionId().CopyTo(resp.Sidr);
        Trace("RHR1", "sidr", resp.Sidr);
        TraceOperation("RHR1", "random", "sidr");

        // RHR3: mix(sidr, sidi).
        ck.Mix(resp.Sidr, resp.Sidi);
        TraceCk("RHR3", ck);

        // RHR4: ecti = encaps_and_mix<EKEM>(epki).
        ck.EncapsAndMix(_ephemeralKem, msg.Epki, resp.Ecti);
        Trace("RHR4", "ecti", resp.Ecti);
        TraceCk("RHR4", ck);

        // RHR5: scti = encaps_and_mix<SKEM>(spki).
        ck.EncapsAndMix(_staticKem, peer.PublicKey, resp.Scti);
        Trace("RHR5", "scti", resp.Scti);
        TraceCk("RHR5", ck);

        // RHR6: biscuit = store_biscuit(), then mix(biscuit).
        TraceOperation("RHR6", "store_biscuit");
        StoreBiscuit(peer, labels, ck, resp, now);
        ck.Mix(resp.Biscuit);
        TraceCk("RHR6", ck);

        // RHR7: auth = encrypt_and_mix("").
        ck.EncryptAndMix([], resp.Auth);
        Trace("RHR7", "auth", resp.Auth);
        TraceCk("RHR7", ck);

        byte[] bytes = Build(peer, MessageType.RespHello, RespHello.Length, resp.Write);
        Trace("RHR7", "RespHello", bytes);
        return HandleOutcome.Accept(MessageType.InitHello, peer, bytes);
    }

    /// <summary>
    /// store_biscuit (spec §7.1): seals pidi ‖ biscuit_no ‖ ck under the active biscuit key, then advances the
    /// global biscuit counter.
    /// </summary>
    private void StoreBiscuit(Peer peer, Labels labels, ChainingKey ck, RespHello resp, double now)
    {
        using var plaintext = Biscuit.Plaintext(peer.PeerId, _biscuitCounter, ck.Value);
        Trace("RHR6", "biscuit_pt", plaintext.Expose());
        int keyIndex = _biscuitKeys.Active(now, whileYoungOnly: true);
        Span<byte> nonce = stackalloc byte[XAead.NonceLength];
        _random.Fill(nonce);
        byte[] ad = Biscuit.AdditionalData(_own[labels.Version].BiscuitAdPrefix, labels, resp.Sidi, resp.Sidr);
        Biscuit.Seal(_biscuitKeys[keyIndex], keyIndex, nonce, ad, plaintext, resp.Biscuit);
        Trace("RHR6", "biscuit_ct", resp.Biscuit);
        ConstantTime.IncrementLittleEndian(_biscuitCounter);
    }

    /// <summary>
    /// The responder handles InitConf and confirms with EmptyData (spec §6.4). It emits its key here, once:
    /// a retransmitted InitConf gets the cached EmptyData again and no second key (spec §9.4).
    /// </summary>
    private HandleOutcome HandleInitConf(ReadOnlySpan<byte> datagram, double now)
    {
        var msg = InitConf.Read(Envelope.Payload(datagram));
        var cached = CachedAnswer(msg, datagram, now);
        if (cached != null) return HandleOutcome.Accept(MessageType.InitConf, cached.Value.Peer, cached.Value.EmptyData);

        var version = VersionByMac(datagram);
        if (version == null) return HandleOutcome.Reject(MessageType.InitConf, RejectionKind.BadMac, "mac verifies under no version");
        var labels = Labels.For(version.Value);

        // ICR1: load_biscuit: decrypt it under the key it names, find the peer, restore ck, then mix(biscuit).
        // The restored ck lives in the opened biscuit, which `using` zeroes however this method returns.
        byte[] ad = Biscuit.AdditionalData(_own[version.Value].BiscuitAdPrefix, labels, msg.Sidi, msg.Sidr);
        using var biscuit = Biscuit.Open(_biscuitKeys[Biscuit.KeyIndex(msg.Biscuit)], labels, ad, msg.Biscuit);
        if (biscuit == null) return HandleOutcome.Reject(MessageType.InitConf, RejectionKind.BadBiscuit, "biscuit does not decrypt");
        TraceOperation("ICR1", "load_biscuit", "biscuit_ct");
        var peer = FindPeer(biscuit.Pidi);
        if (peer == null) return HandleOutcome.Reject(MessageType.InitConf, RejectionKind.UnknownPeer, "biscuit names no known peer");
        TraceOperation("ICR1", "find_peer", "pidi");
        var ck = Traced(biscuit.Ck);
        ck.Mix(msg.Biscuit);
        TraceCk("ICR1", ck);
        if (peer.Version != version)
            return HandleOutcome.Reject(MessageType.InitConf, RejectionKind.HashFunctionMismatch, $"peer is configured for {peer.Version}");

        // ICR2: encrypt_and_mix(""): recomputes RespHello's auth, so ck matches the initiator's.
        ck.EncryptAndMix([], stackalloc byte[Aead.TagLength]);
        TraceCk("ICR2", ck);

        // ICR3: mix(sidi, sidr).
        ck.Mix(msg.Sidi, msg.Sidr);
        TraceCk("ICR3", ck);

        // ICR4: decrypt_and_mix(auth).
        if (!ck.DecryptAndMix(msg.Auth, []))
            return HandleOutcome.Reject(MessageType.InitConf, RejectionKind.BadAuthTag, "InitConf auth does not verify");
        TraceCk("ICR4", ck);

        // ICR5: the biscuit number must exceed the last one used, compared in constant time (spec §7.3).
        if (ConstantTime.CompareLittleEndian(biscuit.Number, peer.BiscuitUsed) <= 0)
            return HandleOutcome.Reject(MessageType.InitConf, RejectionKind.ReplayedBiscuit, "biscuit number already used");
        TraceOperation("ICR5", "require_greater", "biscuit_no", "biscuit_used");

        // Tie-break, rule 2 (spec §9.6): with a peer we lead, a handshake that ran at the same time as ours loses.
        if (TieBreak(peer, biscuit.Number) is { } concurrent)
            return HandleOutcome.Reject(MessageType.InitConf, concurrent);

        // Every check has passed. ICR6: biscuit_used = biscuit_no.
        peer.BiscuitUsed = biscuit.Number;
        TraceOperation("ICR6", "assign", "biscuit_used", "biscuit_no");

        // ICR7: enter_live as responder, with its own copy of ck; our own initiation with this peer ends.
        TraceOperation("ICR7", "enter_live", "responder");
        var session = EnterLive(Role.Responder, ck.Clone(), msg.Sidi, msg.Sidr, now);
        ReplaceSession(peer, session);
        DropHandshake(peer);
        byte[] emptyData = BuildEmptyData(peer, session);
        peer.CachedResponse = new InitConfResponse(datagram[..Envelope.CookieOffset(datagram.Length)].ToArray(), emptyData, now);
        var osk = OutputKey(peer, session);
        Trace("ICR7", "osk", osk.Expose());
        return HandleOutcome.Accept(MessageType.InitConf, peer, emptyData, new KeyExchanged(peer, osk));
    }

    /// <summary>
    /// Tie-break, rule 2 (spec §9.6): with a peer we lead, an InitConf whose biscuit we issued before our own
    /// handshake with that peer emitted its key belongs to a handshake that ran at the same time as ours; ours wins,
    /// so its key is not taken. The peer takes ours when our InitConf reaches it, which ends its handshake (ICR7).
    /// </summary>
    private static Rejection? TieBreak(Peer peer, ReadOnlySpan<byte> biscuitNumber) =>
        peer.LeadsTieBreak && peer.BiscuitCounterAtOwnKey is { } mark && ConstantTime.CompareLittleEndian(biscuitNumber, mark) < 0
            ? new Rejection(RejectionKind.ConcurrentHandshake, "this handshake ran at the same time as ours, which wins")
            : null;

    /// <summary>
    /// EmptyData (spec §6.4): sid = sidt, ctr = txnm (then txnm + 1), auth = AEAD(txkm, ctr ‖ 0⁴, "", "").
    /// </summary>
    private byte[] BuildEmptyData(Peer peer, Session session)
    {
        var data = new EmptyData();
        session.Sidt.CopyTo(data.Sid);
        ulong counter = session.Txnm++;
        BinaryPrimitives.WriteUInt64LittleEndian(data.Ctr, counter);
        Aead.Encrypt(session.Txkm.Expose(), TransportNonce(counter), [], [], data.Auth);
        byte[] bytes = Build(peer, MessageType.EmptyData, EmptyData.Length, data.Write);
        Trace("ICR7", "EmptyData", bytes);
        return bytes;
    }

    /// <summary>The cached EmptyData if this InitConf repeats the one it answered (bytes up to the cookie equal).</summary>
    private (Peer Peer, byte[] EmptyData)? CachedAnswer(InitConf msg, ReadOnlySpan<byte> datagram, double now)
    {
        var peer = PeerBySessionId(msg.Sidr);
        var cached = peer?.CachedResponse;
        // Expired answers are not used even before a poll has dropped them (spec §9.4).
        if (peer == null || cached == null || Timing.HasHappened(cached.ExpiresAt, now)) return null;
        if (!ConstantTime.Equals(cached.InitConfUpToCookie, datagram[..Envelope.CookieOffset(datagram.Length)])) return null;
        return (peer, cached.EmptyData);
    }
}
