namespace Rosenpass.Reference.Vectors;

/// <summary>Informative names of draws (vectors/README.md, "Injected values"), from the step's action and the draw's length.</summary>
internal static class DrawLabels
{
    public static string Random(string action, int length) => (action, length) switch
    {
        ("construct", 16) => "cookie_secret",
        ("construct", 32) => "biscuit_key",
        ("initiate" or "poll", 16) => "cookie_value",
        ("initiate" or "poll", 4) => "sidi",
        ("poll", 32) => "stale_key",
        ("deliver", 4) => "sidr",
        ("deliver", 24) => "nonce",
        ("deliver", 32) => "biscuit_key",
        ("deliver", 16) => "cookie_secret",
        ("deliver", Protocol.Messages.CookieReply.Length - Protocol.Messages.CookieReply.PaddingOffset) => "cookie_reply_padding",
        _ => "random",
    };

    public const string Jitter = "retransmit_jitter";

    /// <summary>The protocol step that asks the KEM: IHI3 (ephemeral keygen), IHI5, RHR4, RHR5 (encapsulations).</summary>
    public static string KemStep(string action, bool isStatic, string operation) => (isStatic, operation) switch
    {
        (false, "keygen") => "IHI3",
        (false, _) => "RHR4",
        (true, _) => action == "deliver" ? "RHR5" : "IHI5",
    };
}
