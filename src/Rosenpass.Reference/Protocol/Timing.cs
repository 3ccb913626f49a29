namespace Rosenpass.Reference.Protocol;

/// <summary>The protocol's time constants, in seconds (spec §9.1).</summary>
public static class Timing
{
    /// <summary>A session in which we were responder retires (we start a new handshake) after this long.</summary>
    public const double RekeyAfterTimeResponder = 120;
    /// <summary>A session in which we were initiator retires after this long; the 10 s offset makes roles alternate.</summary>
    public const double RekeyAfterTimeInitiator = 130;
    /// <summary>Sessions and initiator handshakes die after this long; a dead session's key is replaced (stale).</summary>
    public const double RejectAfterTime = 180;
    /// <summary>Biscuit keys are Young this long, then Retired as long again, then erased.</summary>
    public const double BiscuitEpoch = 300;
    /// <summary>Cookie secrets are Young this long, then Retired as long again, then erased.</summary>
    public const double CookieSecretEpoch = 120;
    /// <summary>How long the responder keeps the EmptyData that answered an InitConf, for retransmissions.</summary>
    public const double InitConfCacheTime = 120;
    public const double RetransmitDelayBegin = 0.5;
    public const double RetransmitDelayGrowth = 2.0;
    public const double RetransmitDelayEnd = 10;
    public const double RetransmitDelayJitter = 0.5;
    /// <summary>An event within this much of now counts as having happened.</summary>
    public const double EventGrace = 0.0025;
    /// <summary>"Before the common era": the creation time of a key that was never used.</summary>
    public const double Bce = -3600.0 * 24 * 356 * 10000;

    /// <summary>has_happened(ev, now): ev − now &lt; EVENT_GRACE.</summary>
    public static bool HasHappened(double eventTime, double now) => eventTime - now < EventGrace;

    /// <summary>
    /// The delay before retransmission number <paramref name="count"/> + 1 (spec §9.2):
    /// 0.5 · 2^min(log2(20), n) · 0.5 · (u + 1) with u uniform in [0, 1); so [0.25, 0.5) s, [0.5, 1), …, then [5, 10).
    /// </summary>
    public static double RetransmitDelay(int count, double uniform)
    {
        double exponent = Math.Min(Math.Log2(RetransmitDelayEnd / RetransmitDelayBegin), count);
        return RetransmitDelayBegin * Math.Pow(RetransmitDelayGrowth, exponent) * RetransmitDelayJitter * (uniform + 1);
    }
}
