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
        }
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
