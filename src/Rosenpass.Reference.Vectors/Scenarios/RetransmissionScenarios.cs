namespace Rosenpass.Reference.Vectors.Scenarios;

/// <summary>
/// Retransmissions (spec §9.2, §9.4): a polls after the retransmission delay and sends InitHello again, byte for
/// byte; b answers each copy with a fresh RespHello; a answers the first and rejects the second; later a sends
/// InitConf again and b answers the copy with its cached EmptyData and no second key.
/// </summary>
internal static class RetransmissionScenarios
{
    public const string Description = "Retransmitted InitHello and InitConf: the copies are byte-identical; a repeated InitConf gets the cached EmptyData and no second key.";

    public static IEnumerable<VectorCase> Generate(KeyRing keys)
    {
        foreach (var v in Pair.Versions)
        {
            using var c = Pair.Case(keys, v, "retransmission");
            Pair.Setup(c, v, Pair.Psk);
            byte[] ih = c.Initiate("a");
            c.Clock = 1; // past the first delay, [0.25, 0.5) s
            Same(ih, Single(c.Poll("a")), "retransmitted InitHello");
            byte[] rh = c.Accept("b", ih)!;
            byte[] rh2 = c.Accept("b", ih)!;
            byte[] ic = c.Accept("a", rh)!;
            c.Reject("a", rh2, Protocol.RejectionKind.UnexpectedMessage, "b's answer to the retransmitted InitHello, after a answered the first");
            c.Clock = 3; // past the InitConf's first delay
            Same(ic, Single(c.Poll("a")), "retransmitted InitConf");
            byte[] ed = c.Accept("b", ic)!;
            Same(ed, c.Accept("b", ic)!, "EmptyData answering the repeated InitConf");
            c.Require(c.LastEvents.Count == 0, "a repeated InitConf produces no key event");
            c.Accept("a", ed);
            c.Require(c.ExchangedKeys.Count == 2 && c.ExchangedKeys[0] == c.ExchangedKeys[1], "one shared key per side");
            yield return c.Build("InitHello and InitConf each sent twice; b answers both InitHellos, a only the first RespHello; " +
                "the second InitConf gets the cached EmptyData and no KeyExchanged", v, valid: true,
                Flags.CompleteHandshake, Flags.Retransmission, Flags.Psk);
        }
    }

    private static byte[] Single(List<byte[]> sent) =>
        sent.Count == 1 ? sent[0] : throw new InvalidOperationException($"expected one retransmission, got {sent.Count}");

    private static void Same(byte[] expected, byte[] got, string what)
    {
        if (!expected.AsSpan().SequenceEqual(got)) throw new InvalidOperationException($"{what} differs from the original");
    }
}
