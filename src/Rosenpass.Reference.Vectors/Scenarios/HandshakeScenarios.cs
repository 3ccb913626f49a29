using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Protocol;

namespace Rosenpass.Reference.Vectors.Scenarios;

/// <summary>Complete handshakes (spec §6): with a psk, without, and with a custom output-key separator (spec §4.6).</summary>
internal static class HandshakeScenarios
{
    public const string Description = "Complete handshakes: InitHello, RespHello, InitConf, EmptyData; both sides get the same output key.";

    public static IEnumerable<VectorCase> Generate(KeyRing keys)
    {
        foreach (var v in Pair.Versions)
        {
            yield return Complete(keys, v, "handshake-psk", Pair.Psk, null,
                "a initiates to b; both share a psk; default output-key separator (wireguard psk)", Flags.CompleteHandshake, Flags.Psk);
            yield return Complete(keys, v, "handshake-no-psk", null, null,
                "as handshake-psk, but no psk is configured: 32 zero bytes are mixed at IHI7/IHR7", Flags.CompleteHandshake, Flags.NoPsk);
            var osk = new OutputKeySeparatorSetup { Organization = "example.org", Labels = ["vpn", "tunnel 0"] };
            yield return Complete(keys, v, "handshake-custom-osk", Pair.Psk, osk,
                "as handshake-psk, with the custom output-key separator example.org / vpn / tunnel 0 on both sides",
                Flags.CompleteHandshake, Flags.Psk, Flags.CustomOutputKey);
            yield return SeveralPeers(keys, v);
            yield return OtherKeys(keys, v);
        }
    }

    /// <summary>b responds to two peers, a (with the psk) and c (without); each gets its own key.</summary>
    private static VectorCase SeveralPeers(KeyRing keys, ProtocolVersion v)
    {
        using var c = Pair.Case(keys, v, "handshake-several-peers");
        c.Server("a", "a", false, CaseBuilder.Peer("b", v, Pair.Psk, initiates: true));
        c.Server("c", "c", false, CaseBuilder.Peer("b", v, null, initiates: true));
        c.Server("b", "b", false, CaseBuilder.Peer("a", v, Pair.Psk, initiates: false), CaseBuilder.Peer("c", v, null, initiates: false));
        Pair.Handshake(c, "a", 0, "b");
        Pair.Handshake(c, "c", 0, "b");
        var k = c.ExchangedKeys;
        c.Require(k.Count == 4 && k[0] == k[1] && k[2] == k[3] && k[0] != k[2], "a and b agree, c and b agree, on different keys");
        return c.Build("b has two peers, a (psk) and c (no psk); a then c complete a handshake with b, each pair on its own key; "
            + "b's events name peer 0 for a and peer 1 for c", v, valid: true, Flags.CompleteHandshake, Flags.SeveralPeers, Flags.Psk, Flags.NoPsk);
    }

    /// <summary>Two other static key pairs: c initiates to d, without a psk.</summary>
    private static VectorCase OtherKeys(KeyRing keys, ProtocolVersion v)
    {
        using var c = Pair.Case(keys, v, "handshake-other-keys");
        c.Server("c", "c", false, CaseBuilder.Peer("d", v, null, initiates: true));
        c.Server("d", "d", false, CaseBuilder.Peer("c", v, null, initiates: false));
        Pair.Handshake(c, "c", 0, "d");
        var k = c.ExchangedKeys;
        c.Require(k.Count == 2 && k[0] == k[1], "both sides get the same output key, once each");
        return c.Build("as handshake-no-psk, with the static key pairs c (initiator) and d (responder)", v, valid: true,
            Flags.CompleteHandshake, Flags.NoPsk);
    }

    private static VectorCase Complete(KeyRing keys, ProtocolVersion v, string name, byte[]? psk, OutputKeySeparatorSetup? osk,
        string comment, params string[] flags)
    {
        using var c = Pair.Case(keys, v, name);
        Pair.Setup(c, v, psk, osk: osk);
        Pair.Handshake(c);
        var exchanged = c.ExchangedKeys;
        c.Require(exchanged.Count == 2 && exchanged[0] == exchanged[1], "both sides get the same output key, once each");
        return c.Build(comment, v, valid: true, flags);
    }
}
