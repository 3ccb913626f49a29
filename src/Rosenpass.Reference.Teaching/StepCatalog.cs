namespace Rosenpass.Reference.Teaching;

/// <summary>Who executes a step.</summary>
public enum Actor
{
    Initiator,
    Responder,
}

/// <summary>One handshake step of spec §6: its name, the section whose table lists it, who runs it, and what it does.</summary>
public sealed record HandshakeStep(string Name, string Section, Actor Actor, string Operation);

/// <summary>
/// Every handshake step named in spec §6, in execution order, for teaching tools (trace, walkthrough, step index).
/// A test checks this list against the step tables of spec/06-handshake.md, so the two cannot drift apart.
/// </summary>
public static class StepCatalog
{
    /// <summary>The steps in the order a complete handshake executes them.</summary>
    public static IReadOnlyList<HandshakeStep> Steps { get; } =
    [
        // spec §6.1: the initiator builds InitHello.
        I("IHI1", "6.1", "ck = init(spkr)"),
        I("IHI2", "6.1", "sidi = random(4)"),
        I("IHI3", "6.1", "(eski, epki) = EKEM.keygen()"),
        I("IHI4", "6.1", "mix(sidi, epki)"),
        I("IHI5", "6.1", "sctr = encaps_and_mix<SKEM>(spkr)"),
        I("IHI6", "6.1", "pidi_ct = encrypt_and_mix(pid(spki))"),
        I("IHI7", "6.1", "mix(spki, psk)"),
        I("IHI8", "6.1", "auth = encrypt_and_mix(\"\")"),
        // spec §6.2: the responder checks InitHello and builds RespHello.
        R("IHR1", "6.2", "ck = init(spkr)"),
        R("IHR4", "6.2", "mix(sidi, epki)"),
        R("IHR5", "6.2", "decaps_and_mix<SKEM>(sskr, spkr, sctr)"),
        R("IHR6", "6.2", "pidi = decrypt_and_mix(pidi_ct); find the peer"),
        R("IHR7", "6.2", "mix(spki, psk)"),
        R("IHR8", "6.2", "decrypt_and_mix(auth)"),
        R("RHR1", "6.2", "sidr = random(4)"),
        R("RHR3", "6.2", "mix(sidr, sidi)"),
        R("RHR4", "6.2", "ecti = encaps_and_mix<EKEM>(epki)"),
        R("RHR5", "6.2", "scti = encaps_and_mix<SKEM>(spki)"),
        R("RHR6", "6.2", "biscuit_ct = store_biscuit(); mix(biscuit_ct)"),
        R("RHR7", "6.2", "auth = encrypt_and_mix(\"\")"),
        // spec §6.3: the initiator checks RespHello and builds InitConf.
        I("RHI2", "6.3", "find the handshake by sidi; verify the mac"),
        I("RHI3", "6.3", "mix(sidr, sidi)"),
        I("RHI4", "6.3", "decaps_and_mix<EKEM>(eski, epki, ecti)"),
        I("RHI5", "6.3", "decaps_and_mix<SKEM>(sski, spki, scti)"),
        I("RHI6", "6.3", "mix(biscuit_ct)"),
        I("RHI7", "6.3", "decrypt_and_mix(auth)"),
        I("ICI3", "6.3", "mix(sidi, sidr)"),
        I("ICI4", "6.3", "auth = encrypt_and_mix(\"\")"),
        I("ICI7", "6.3", "enter_live(Initiator); osk"),
        // spec §6.4: the responder checks InitConf and confirms with EmptyData.
        R("ICR1", "6.4", "load_biscuit: open it, find the peer, ck = its ck; mix(biscuit_ct)"),
        R("ICR2", "6.4", "encrypt_and_mix(\"\"), recomputing RHR7"),
        R("ICR3", "6.4", "mix(sidi, sidr)"),
        R("ICR4", "6.4", "decrypt_and_mix(auth)"),
        R("ICR5", "6.4", "require biscuit_no > biscuit_used"),
        R("ICR6", "6.4", "biscuit_used = biscuit_no"),
        R("ICR7", "6.4", "enter_live(Responder); EmptyData; osk"),
    ];

    /// <summary>The step called <paramref name="name"/>, or null.</summary>
    public static HandshakeStep? Find(string name) => Steps.FirstOrDefault(s => s.Name == name);

    /// <summary>The spec section of each message's layout (spec §5).</summary>
    public static string? MessageSection(string name) => name switch
    {
        "InitHello" => "5.2",
        "RespHello" => "5.3",
        "InitConf" => "5.4",
        "EmptyData" => "5.5",
        "CookieReply" => "5.6",
        _ => null,
    };

    /// <summary>
    /// The spec sections a traced value belongs to: the step's section, and for a whole message also the
    /// section of its layout (e.g. "§6.1, §5.2"); for the output key also §4.6.
    /// </summary>
    public static string SectionsOf(string step, string valueName)
    {
        string sections = Find(step) is { } s ? $"§{s.Section}" : "§6";
        if (MessageSection(valueName) is { } message) sections += $", §{message}";
        if (valueName == "osk") sections += ", §4.6";
        if (valueName.StartsWith("biscuit_", StringComparison.Ordinal)) sections += ", §7.1";
        return sections;
    }

    private static HandshakeStep I(string name, string section, string operation) => new(name, section, Actor.Initiator, operation);

    private static HandshakeStep R(string name, string section, string operation) => new(name, section, Actor.Responder, operation);
}
