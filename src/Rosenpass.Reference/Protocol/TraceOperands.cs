namespace Rosenpass.Reference.Protocol;

/// <summary>
/// The spec's names (§6.7) for the operands of the chaining-key operations, as the handshake code writes them at the
/// call site: the compiler hands <see cref="ChainingKey"/> the source text of each argument, and this table turns it
/// into the name the spec and the models use. The same expression can name different values in the two roles (our
/// own key is spki to an initiator, spkr to a responder), so there is one table per role. An expression missing
/// here is reported as written, which makes the trace test fail and name it.
/// </summary>
internal static class TraceOperands
{
    private static readonly Dictionary<string, string> Common = new(StringComparer.Ordinal)
    {
        ["_staticKem"] = "SKEM",
        ["_ephemeralKem"] = "EKEM",
        ["[]"] = "empty",
        ["msg.Sidi"] = "sidi",
        ["msg.Sidr"] = "sidr",
        ["msg.Epki"] = "epki",
        ["msg.Sctr"] = "sctr",
        ["msg.PidiCt"] = "pidi_ct",
        ["msg.Ecti"] = "ecti",
        ["msg.Scti"] = "scti",
        ["msg.Auth"] = "auth",
        ["msg.Biscuit"] = "biscuit_ct",
        ["peer.Psk.Expose()"] = "psk",
    };

    /// <summary>The initiator's names (spec §6.1, §6.3): the peer is the responder.</summary>
    private static readonly Dictionary<string, string> Initiator = new(Common, StringComparer.Ordinal)
    {
        ["peer.ChainingKeyInit"] = "spkr",
        ["peer.PublicKey"] = "spkr",
        ["peer.OwnPeerId"] = "pidi",
        ["_spkm"] = "spki",
        ["_sskm.Expose()"] = "sski",
        ["handshake.Eski.Expose()"] = "eski",
        ["handshake.Epki"] = "epki",
        ["conf.Sidi"] = "sidi",
        ["conf.Sidr"] = "sidr",
    };

    /// <summary>The responder's names (spec §6.2, §6.4): the peer is the initiator.</summary>
    private static readonly Dictionary<string, string> Responder = new(Common, StringComparer.Ordinal)
    {
        ["_own[version.Value].ChainingKeyInit"] = "spkr",
        ["peer.PublicKey"] = "spki",
        ["_spkm"] = "spkr",
        ["_sskm.Expose()"] = "sskr",
        ["resp.Sidi"] = "sidi",
        ["resp.Sidr"] = "sidr",
        ["resp.Biscuit"] = "biscuit_ct",
    };

    /// <summary>Whether <paramref name="step"/> is one of the initiator's (IHI, RHI, ICI) rather than the responder's.</summary>
    public static bool IsInitiatorStep(string step) =>
        step.StartsWith("IHI", StringComparison.Ordinal) || step.StartsWith("RHI", StringComparison.Ordinal)
        || step.StartsWith("ICI", StringComparison.Ordinal);

    /// <summary>The spec's name for <paramref name="expression"/> in the role that runs <paramref name="step"/>.</summary>
    public static string Name(string step, string expression) =>
        (IsInitiatorStep(step) ? Initiator : Responder).TryGetValue(expression, out var name) ? name : expression;
}
