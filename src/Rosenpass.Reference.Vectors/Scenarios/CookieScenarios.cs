namespace Rosenpass.Reference.Vectors.Scenarios;

/// <summary>
/// The cookie path (spec §8.2-§8.5): b is under load, so it answers an InitHello without a valid cookie with a
/// CookieReply; a retransmits the InitHello with the cookie; the same InitHello from another address gets a
/// CookieReply again; from the right address it is processed and the handshake completes.
/// </summary>
internal static class CookieScenarios
{
    public const string Description = "The responder under load: CookieReply, the InitHello retransmitted with a valid cookie, the handshake completes.";

    /// <summary>The sender's address as b's cookie mechanism sees it: 192.0.2.1 port 9999, as bytes.</summary>
    public static readonly byte[] HostId = [192, 0, 2, 1, 0x27, 0x0f];

    /// <summary>Another address: 198.51.100.7 port 9999.</summary>
    public static readonly byte[] OtherHostId = [198, 51, 100, 7, 0x27, 0x0f];

    public static IEnumerable<VectorCase> Generate(KeyRing keys)
    {
        foreach (var v in Pair.Versions)
        {
            using var c = Pair.Case(keys, v, "cookie");
            Pair.Setup(c, v, Pair.Psk, bUnderLoad: true);
            byte[] ih = c.Initiate("a");
            byte[] cookieReply = c.Accept("b", ih, HostId)!;
            byte[] ihWithCookie = c.Accept("a", cookieReply)!;
            c.Accept("b", ihWithCookie, OtherHostId); // the cookie is bound to the address: another CookieReply
            byte[] rh = c.Accept("b", ihWithCookie, HostId)!;
            byte[] ed = c.Accept("b", c.Accept("a", rh)!, HostId)!;
            c.Accept("a", ed);
            c.Require(c.ExchangedKeys.Count == 2 && c.ExchangedKeys[0] == c.ExchangedKeys[1], "one shared key per side");
            yield return c.Build("b under load: CookieReply to a's InitHello; a resends it with the cookie; from another address " +
                "b answers with a CookieReply again, from a's address it responds and the handshake completes", v, valid: true,
                Flags.CompleteHandshake, Flags.CookieReply, Flags.UnderLoad, Flags.Psk);
        }
    }
}
