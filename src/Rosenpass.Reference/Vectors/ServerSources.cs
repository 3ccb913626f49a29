using Rosenpass.Reference.Crypto;

namespace Rosenpass.Reference.Vectors;

/// <summary>
/// Everything a server draws on besides its keys and clock: its randomness, its retransmission jitter and both
/// KEMs. The generator records them (<see cref="RecordingSources"/>); the checker replays the recording
/// (<see cref="ScriptedSources"/>). Both go through the same <see cref="CaseRunner"/>.
/// </summary>
internal interface IServerSources
{
    IRandomSource Random { get; }
    IRandomSource Jitter { get; }
    IKem StaticKem { get; }
    IKem EphemeralKem { get; }

    /// <summary>Before a step on this server: <paramref name="action"/> names the step, <paramref name="injected"/>
    /// is the recording (null when generating).</summary>
    void BeginStep(string action, Injected? injected);

    /// <summary>After the step: what it drew (generating), or a problem when it drew otherwise than recorded.</summary>
    Injected EndStep(out string? problem);
}

/// <summary>Informative names of draws (vectors/README.md, "Draw labels"), from the step's action and the draw's length.</summary>
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
