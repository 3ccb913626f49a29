namespace Rosenpass.Reference.Vectors.Scenarios;

/// <summary>
/// Rekeying (spec §9.3): after a handshake at 0 s, a's session (a was initiator) retires at 130 s; a poll then
/// sends a new InitHello and a second handshake on the same peers gives both a new key.
/// </summary>
internal static class RekeyScenarios
{
    public const string Description = "A second handshake on the same peers, started by a's poll when its session retires.";

    public static IEnumerable<VectorCase> Generate(KeyRing keys)
    {
        foreach (var v in Pair.Versions)
        {
            using var c = Pair.Case(keys, v, "rekey");
            Pair.Setup(c, v, Pair.Psk);
            Pair.Handshake(c);
            c.Clock = 130;
            var sent = c.Poll("a");
            c.Require(sent.Count == 1, $"the rekey poll sends one InitHello, not {sent.Count} messages");
            byte[] ed = c.Accept("b", c.Accept("a", c.Accept("b", sent[0])!)!)!;
            c.Accept("a", ed);
            var k = c.ExchangedKeys;
            c.Require(k.Count == 4 && k[0] == k[1] && k[2] == k[3] && k[0] != k[2], "each handshake gives both sides one new, shared key");
            yield return c.Build("a complete handshake at 0 s; at 130 s a's poll starts a second one, which completes with new keys",
                v, valid: true, Flags.CompleteHandshake, Flags.Rekey, Flags.Psk);
        }
    }
}
