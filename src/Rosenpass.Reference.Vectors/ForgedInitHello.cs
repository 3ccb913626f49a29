using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Reference.Vectors;

/// <summary>
/// An InitHello built step by step (spec §6.1, IHI1-IHI8) with a peer id of our choice, for the one rejection no
/// genuine initiator can provoke: HashFunctionMismatch (spec §6.6). A genuine initiator encrypts its peer id as the
/// responder computes it under the version both have configured, so a message under the other version names no peer
/// (UnknownPeer). Someone holding the initiator's keys, or an implementation that computes its peer id under the wrong
/// version, can send one whose pidi is the configured peer's id under its configured version, sealed under the other.
/// Every value it draws comes from <see cref="SeededRandom"/>; they are baked into the message, not injected.
/// </summary>
internal static class ForgedInitHello
{
    /// <param name="version">the version whose labels build the message and its mac</param>
    /// <param name="spki">the initiator's static public key (mixed at IHI7)</param>
    /// <param name="spkr">the responder's static public key</param>
    /// <param name="pidi">the peer id to encrypt at IHI6</param>
    /// <param name="psk">the pre-shared key mixed at IHI7</param>
    /// <param name="random">the source of sidi, the ephemeral key pair, the encapsulation and the cookie value</param>
    public static byte[] Build(ProtocolVersion version, byte[] spki, byte[] spkr, byte[] pidi, byte[] psk, SeededRandom random)
    {
        var labels = Labels.For(version);
        var msg = new InitHello();
        using var ck = ChainingKey.Init(labels, ChainingKey.InitValue(labels, spkr)); // IHI1
        random.Fill(msg.Sidi);                                                       // IHI2
        var eski = new byte[Crypto.Kyber512.Kyber512Kem.SecretKeyLength];
        new KyberKem(random).GenerateKeyPair(msg.Epki, eski);                        // IHI3
        ck.Mix(msg.Sidi, msg.Epki);                                                  // IHI4
        ck.EncapsAndMix(new McEliece460896(random), spkr, msg.Sctr);                 // IHI5
        ck.EncryptAndMix(pidi, msg.PidiCt);                                          // IHI6
        ck.Mix(spki, psk);                                                           // IHI7
        ck.EncryptAndMix([], msg.Auth);                                              // IHI8
        var datagram = new byte[InitHello.Length];
        Envelope.WriteHeader(datagram, MessageType.InitHello);
        msg.Write(datagram.AsSpan(Envelope.HeaderLength, InitHello.PayloadLength));
        EnvelopeSeal.WriteMac(labels.Hash, labels.Mac.Mix(spkr).ToArray(), datagram);
        var cookieValue = new byte[16];
        random.Fill(cookieValue);
        EnvelopeSeal.WriteCookie(cookieValue, datagram);
        return datagram;
    }
}
