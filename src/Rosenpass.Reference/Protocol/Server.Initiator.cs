using System.Buffers.Binary;
using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Reference.Protocol;

/// <summary>The initiator's side of the handshake (spec §6.1, §6.3, §6.5).</summary>
public sealed partial class Server
{
    /// <summary>
    /// Starts a handshake with <paramref name="peer"/> and returns the InitHello to send (spec §6.1).
    /// Any handshake already in progress with that peer is abandoned.
    /// </summary>
    public byte[] Initiate(Peer peer)
    {
        double now = _clock.Now;
        var msg = new InitHello();
        // The cookie value our envelopes carry until a CookieReply brings a real one (spec §8.2).
        var cookieValue = Secret.Random(16, _random);

        // IHI1: ck = init(spkr), the responder's public key.
        var ck = Traced(ChainingKey.Init(peer.Labels, peer.ChainingKeyInit));
        TraceCk("IHI1", ck);

        // IHI2: sidi = random(4).
        byte[] sidi = DrawSessionId();
        sidi.CopyTo(msg.Sidi);
        Trace("IHI2", "sidi", sidi);
        TraceOperation("IHI2", "random", "sidi");

        // IHI3: (eski, epki) = EKEM.keygen().
        var eski = new Secret(_ephemeralKem.SecretKeyLength);
        _ephemeralKem.GenerateKeyPair(msg.Epki, eski.Expose());
        Trace("IHI3", "epki", msg.Epki);
        TraceOperation("IHI3", "keygen", "EKEM", "eski", "epki");

        // IHI4: mix(sidi, epki).
        ck.Mix(msg.Sidi, msg.Epki);
        TraceCk("IHI4", ck);

        // IHI5: sctr = encaps_and_mix<SKEM>(spkr).
        ck.EncapsAndMix(_staticKem, peer.PublicKey, msg.Sctr);
        Trace("IHI5", "sctr", msg.Sctr);
        TraceCk("IHI5", ck);

        // IHI6: pidi_ct = encrypt_and_mix(pidi), our peer id as the responder knows it.
        ck.EncryptAndMix(peer.OwnPeerId, msg.PidiCt);
        Trace("IHI6", "pidi_ct", msg.PidiCt);
        TraceCk("IHI6", ck);

        // IHI7: mix(spki, psk).
        ck.Mix(_spkm, peer.Psk.Expose());
        TraceCk("IHI7", ck);

        // IHI8: auth = encrypt_and_mix("").
        ck.EncryptAndMix([], msg.Auth);
        Trace("IHI8", "auth", msg.Auth);
        TraceCk("IHI8", ck);

        // Commit: the new handshake replaces any old one, then the message is sealed and kept for retransmission.
        DropHandshake(peer);
        var handshake = new InitiatorHandshake
        {
            Sidi = sidi, Ck = ck, Eski = eski, Epki = msg.Epki, Next = HandshakeNext.RespHello, CreatedAt = now,
            CookieValue = cookieValue, StoredMessage = [],
        };
        peer.Handshake = handshake;
        _sessionIndex[SidKey(sidi)] = peer;
        byte[] bytes = Build(peer, MessageType.InitHello, InitHello.Length, msg.Write);
        Trace("IHI8", "InitHello", bytes);
        ScheduleFirstTransmission(handshake, bytes, now);
        return bytes;
    }

    /// <summary>
    /// The initiator handles RespHello and answers with InitConf (spec §6.3). It emits its key here,
    /// before it knows the responder has it; EmptyData confirms that later.
    /// </summary>
    private HandleOutcome HandleRespHello(ReadOnlySpan<byte> datagram, double now)
    {
        var msg = RespHello.Read(Envelope.Payload(datagram));

        // RHI2: find our handshake by sidi; it must wait for a RespHello.
        var peer = PeerBySessionId(msg.Sidi);
        if (peer == null)
            return HandleOutcome.Reject(MessageType.RespHello, RejectionKind.UnknownSession, "no handshake or session with this sidi");
        if (!MacIsValidFrom(peer, datagram))
            return HandleOutcome.Reject(MessageType.RespHello, RejectionKind.BadMac, "mac does not verify");
        // The sid is ours, but only a handshake at next = RespHello awaits one (spec §10.6): e.g. a replayed
        // RespHello finds a handshake waiting for EmptyData, or only the session.
        var handshake = peer.Handshake;
        if (handshake == null || handshake.Next != HandshakeNext.RespHello || handshake.Ck == null
            || !handshake.Sidi.AsSpan().SequenceEqual(msg.Sidi))
            return HandleOutcome.Reject(MessageType.RespHello, RejectionKind.UnexpectedMessage, "no handshake awaits RespHello");

        TraceOperation("RHI2", "lookup", "sidi");

        // Work on a copy of ck: nothing is committed until every check has passed.
        var ck = handshake.Ck.Clone();

        // RHI3: mix(sidr, sidi), with sidr from the message.
        ck.Mix(msg.Sidr, msg.Sidi);
        TraceCk("RHI3", ck);

        // RHI4: decaps_and_mix<EKEM>(eski, epki, ecti).
        ck.DecapsAndMix(_ephemeralKem, handshake.Eski.Expose(), handshake.Epki, msg.Ecti);
        TraceCk("RHI4", ck);

        // RHI5: decaps_and_mix<SKEM>(sski, spki, scti).
        ck.DecapsAndMix(_staticKem, _sskm.Expose(), _spkm, msg.Scti);
        TraceCk("RHI5", ck);

        // RHI6: mix(biscuit).
        ck.Mix(msg.Biscuit);
        TraceCk("RHI6", ck);

        // RHI7: decrypt_and_mix(auth).
        if (!ck.DecryptAndMix(msg.Auth, []))
        {
            ck.Dispose();
            return HandleOutcome.Reject(MessageType.RespHello, RejectionKind.BadAuthTag, "RespHello auth does not verify");
        }
        TraceCk("RHI7", ck);

        // ICI3: mix(sidi, sidr) and copy the biscuit into InitConf.
        var conf = new InitConf();
        msg.Sidi.CopyTo(conf.Sidi);
        msg.Sidr.CopyTo(conf.Sidr);
        msg.Biscuit.CopyTo(conf.Biscuit);
        ck.Mix(conf.Sidi, conf.Sidr);
        TraceCk("ICI3", ck);

        // ICI4: auth = encrypt_and_mix("").
        ck.EncryptAndMix([], conf.Auth);
        Trace("ICI4", "auth", conf.Auth);
        TraceCk("ICI4", ck);

        // ICI7: enter_live as initiator; the handshake stays (without ck) to retransmit InitConf until EmptyData.
        TraceOperation("ICI7", "enter_live", "initiator");
        var session = EnterLive(Role.Initiator, ck, handshake.Sidi, msg.Sidr, now);
        ReplaceSession(peer, session);
        msg.Sidr.CopyTo(handshake.Sidr);
        handshake.Ck.Dispose();
        handshake.Ck = null;
        handshake.Next = HandshakeNext.EmptyData;
        byte[] bytes = Build(peer, MessageType.InitConf, InitConf.Length, conf.Write);
        Trace("ICI7", "InitConf", bytes);
        ScheduleFirstTransmission(handshake, bytes, now);

        var osk = OutputKey(peer, session);
        Trace("ICI7", "osk", osk.Expose());
        return HandleOutcome.Accept(MessageType.RespHello, peer, bytes, new KeyExchanged(peer, osk));
    }

    /// <summary>
    /// The initiator handles EmptyData, the responder's key confirmation (spec §6.5): InitConf need not be
    /// retransmitted any more, so the handshake is dropped. No key event: the key was emitted at RespHello.
    /// </summary>
    private HandleOutcome HandleEmptyData(ReadOnlySpan<byte> datagram)
    {
        var msg = EmptyData.Read(Envelope.Payload(datagram));
        var peer = PeerBySessionId(msg.Sid);
        if (peer == null)
            return HandleOutcome.Reject(MessageType.EmptyData, RejectionKind.UnknownSession, "no handshake or session with this sid");
        if (!MacIsValidFrom(peer, datagram))
            return HandleOutcome.Reject(MessageType.EmptyData, RejectionKind.BadMac, "mac does not verify");
        // The sid is registered, but only a handshake of ours at next = EmptyData, with its session, awaits one (spec §10.6):
        // e.g. a replayed EmptyData finds the session but no handshake.
        var handshake = peer.Handshake;
        var session = peer.Session;
        if (handshake == null || session == null || handshake.Next != HandshakeNext.EmptyData
            || !handshake.Sidi.AsSpan().SequenceEqual(msg.Sid) || !session.Sidm.AsSpan().SequenceEqual(msg.Sid))
            return HandleOutcome.Reject(MessageType.EmptyData, RejectionKind.UnexpectedMessage, "no handshake awaits EmptyData");

        ulong counter = msg.Counter;
        if (counter < session.Txnt)
            return HandleOutcome.Reject(MessageType.EmptyData, RejectionKind.StaleCounter, $"counter {counter} below {session.Txnt}");
        if (!Aead.Decrypt(session.Txkt.Expose(), EmptyDataNonce(counter), [], msg.Auth, []))
            return HandleOutcome.Reject(MessageType.EmptyData, RejectionKind.BadAuthTag, "EmptyData auth does not verify");

        // Commit. Upstream stores the counter before decrypting; we do it after, so a forged EmptyData changes nothing.
        session.Txnt = counter;
        DropHandshake(peer);
        return HandleOutcome.Accept(MessageType.EmptyData, peer, null);
    }

    /// <summary>The nonce of a transport message: the counter (u64 little-endian) followed by four zero bytes (spec §6.4).</summary>
    private static byte[] EmptyDataNonce(ulong counter)
    {
        var nonce = new byte[Aead.NonceLength];
        BinaryPrimitives.WriteUInt64LittleEndian(nonce, counter);
        return nonce;
    }

    /// <summary>Writes type and payload into the send buffer, then seals it for <paramref name="peer"/>.</summary>
    private byte[] Build(Peer peer, MessageType type, int length, SpanAction writePayload)
    {
        var message = _sendBuffer.AsSpan(0, length);
        Envelope.WriteHeader(message, type);
        writePayload(message[Envelope.HeaderLength..Envelope.MacOffset(length)]);
        return Seal(peer, length);
    }

    private delegate void SpanAction(Span<byte> payload);

    private void ScheduleFirstTransmission(InitiatorHandshake handshake, byte[] message, double now)
    {
        handshake.StoredMessage = (byte[])message.Clone(); // our own copy: a retransmission reseals its cookie in place
        handshake.RetransmitCount = 0;
        handshake.RetransmitAt = now + Timing.RetransmitDelay(0, NextUniform());
    }

    /// <summary>A uniform number in [0, 1) from the jitter source (53 random bits).</summary>
    private double NextUniform()
    {
        Span<byte> bytes = stackalloc byte[8];
        _jitter.Fill(bytes);
        return (BinaryPrimitives.ReadUInt64LittleEndian(bytes) >> 11) * (1.0 / (1UL << 53));
    }
}
