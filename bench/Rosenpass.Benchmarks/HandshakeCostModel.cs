using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Crypto.Kyber512;
using Rosenpass.Reference.Protocol.Messages;

namespace Rosenpass.Benchmarks;

/// <summary>
/// Every primitive operation each handshake step performs, read off Server.Initiator.cs and Server.Responder.cs
/// step by step (spec §6). Priced with the primitive benchmarks of a run (<see cref="PrimitiveCost"/>) or performed
/// back to back (<see cref="PrimitiveRunner"/>), it is the cost of the cryptography alone; a step's measured time
/// divided by it is the step's protocol overhead: parsing, state, allocation, everything else.
/// </summary>
public static class HandshakeCostModel
{
    private const int Sid = 4, SharedKey = 32, Psk = 32, PeerId = 32, Auth = Aead.TagLength;
    private const int Biscuit = Rosenpass.Reference.Protocol.Biscuit.CiphertextLength;
    private const int StaticPk = McEliece460896.PublicKeyLength, StaticCt = McEliece460896.CiphertextLength;
    private const int EphemeralPk = Kyber512Kem.PublicKeyLength, EphemeralCt = Kyber512Kem.CiphertextLength;

    /// <summary>The steps in handshake order, as named in HandshakeBenchmarks.</summary>
    public static readonly (string Step, Action<PrimitiveSink> Operations)[] Steps =
    [
        ("Initiate", Initiate), ("HandleInitHello", HandleInitHello), ("HandleRespHello", HandleRespHello),
        ("HandleInitConf", HandleInitConf),
    ];

    /// <summary>IHI1–IHI8 (spec §6.1), then the mac and, since a handshake is now held, the cookie (spec §8.2).</summary>
    private static void Initiate(PrimitiveSink c)
    {
        c.Run(Primitive.KyberKeyGen);                                   // IHI3
        c.Mix(Sid); c.Mix(EphemeralPk);                             // IHI4
        c.KemAndMix(Primitive.McElieceEncaps, StaticPk, StaticCt);      // IHI5
        c.AeadAndMix(encrypt: true, PeerId);                        // IHI6
        c.Mix(StaticPk); c.Mix(Psk);                                // IHI7
        c.AeadAndMix(encrypt: true, 0);                             // IHI8
        c.Mac(Envelope.MacOffset(InitHello.Length));
        c.Cookie(Envelope.CookieOffset(InitHello.Length));
    }

    /// <summary>The mac (which also picks the version), IHR4–IHR8 (spec §6.2), RHR3–RHR7, the mac of RespHello.</summary>
    private static void HandleInitHello(PrimitiveSink c)
    {
        c.MacOfUnknownVersion(Envelope.MacOffset(InitHello.Length));
        c.Mix(Sid); c.Mix(EphemeralPk);                             // IHR4
        c.KemAndMix(Primitive.McElieceDecaps, StaticPk, StaticCt);      // IHR5
        c.AeadAndMix(encrypt: false, PeerId);                       // IHR6
        c.Mix(StaticPk); c.Mix(Psk);                                // IHR7
        c.AeadAndMix(encrypt: false, 0);                            // IHR8
        c.Mix(Sid); c.Mix(Sid);                                     // RHR3
        c.KemAndMix(Primitive.KyberEncaps, EphemeralPk, EphemeralCt);   // RHR4
        c.KemAndMix(Primitive.McElieceEncaps, StaticPk, StaticCt);      // RHR5
        c.Kh(c.Version, Sid); c.Kh(c.Version, Sid);                   // RHR6: biscuit ad = lhash(…, sidi, sidr) from the cached prefix
        c.Run(Primitive.XAeadEncryptBiscuit);                   // RHR6: store_biscuit
        c.Mix(Biscuit);                                             // RHR6
        c.AeadAndMix(encrypt: true, 0);                             // RHR7
        c.Mac(Envelope.MacOffset(RespHello.Length));
    }

    /// <summary>The mac, RHI3–RHI7 (spec §6.3), ICI3–ICI4, enter_live, the mac and cookie of InitConf, osk.</summary>
    private static void HandleRespHello(PrimitiveSink c)
    {
        c.Mac(Envelope.MacOffset(RespHello.Length));
        c.Mix(Sid); c.Mix(Sid);                                     // RHI3
        c.KemAndMix(Primitive.KyberDecaps, EphemeralPk, EphemeralCt);   // RHI4
        c.KemAndMix(Primitive.McElieceDecaps, StaticPk, StaticCt);      // RHI5
        c.Mix(Biscuit);                                             // RHI6
        c.AeadAndMix(encrypt: false, 0);                            // RHI7
        c.Mix(Sid); c.Mix(Sid);                                     // ICI3
        c.AeadAndMix(encrypt: true, 0);                             // ICI4
        c.Derive(); c.Derive();                                     // ICI7: enter_live derives tki, tkr
        c.Mac(Envelope.MacOffset(InitConf.Length));
        c.Cookie(Envelope.CookieOffset(InitConf.Length));
        c.Derive();                                                 // osk (spec §4.6)
    }

    /// <summary>The mac, load_biscuit (ICR1), ICR2–ICR4 (spec §6.4), enter_live, EmptyData and its mac, osk.</summary>
    private static void HandleInitConf(PrimitiveSink c)
    {
        c.MacOfUnknownVersion(Envelope.MacOffset(InitConf.Length));
        c.Kh(c.Version, Sid); c.Kh(c.Version, Sid);                   // ICR1: biscuit ad
        c.Run(Primitive.XAeadDecryptBiscuit);                   // ICR1
        c.Mix(Biscuit);                                             // ICR1
        c.AeadAndMix(encrypt: true, 0);                             // ICR2
        c.Mix(Sid); c.Mix(Sid);                                     // ICR3
        c.AeadAndMix(encrypt: false, 0);                            // ICR4
        c.Derive(); c.Derive();                                     // ICR7: enter_live
        c.Run(Primitive.AeadEncryptEmpty);                      // EmptyData auth
        c.Mac(Envelope.MacOffset(EmptyData.Length));
        c.Derive();                                                 // osk
    }

}
