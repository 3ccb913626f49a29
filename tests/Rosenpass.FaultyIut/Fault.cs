namespace Rosenpass.FaultyIut;

/// <summary>
/// The planted faults, at least one per scenario family of the conformance runner. Each is chosen by name on the
/// command line (<c>--fault NAME</c>, kebab case) and acts from outside our real rosenpass: on its configuration, on
/// the datagrams the relay passes, on its outfile, or on its key-event lines. The faults and the scenarios meant to
/// catch them: tests/Rosenpass.Conformance.Tests/PlantedFaultTests.cs and docs/conformance.md, Self-tests.
/// </summary>
internal enum Fault
{
    /// <summary>No fault: the relay passes everything unchanged (it is transparent; a self-test shows it).</summary>
    None,
    /// <summary>A repeated InitConf gives one more key event (spec §7.3, §9.4). The default.</summary>
    ReplayedInitConfKey,
    /// <summary>The outfile holds a key that differs from the one derived (spec §4.6).</summary>
    WrongKey,
    /// <summary>No retransmission (spec §9.2): only the first InitHello, RespHello and InitConf of a handshake get out.</summary>
    NoRetransmission,
    /// <summary>A repeated InitConf is not answered from the cache (spec §9.4): only the first EmptyData of a session gets out.</summary>
    NoCache,
    /// <summary>A datagram of no message's length is echoed back (spec §5.7).</summary>
    EchoMalformed,
    /// <summary>Every InitHello after the first key gives one more key event (spec §6.2: only InitConf completes).</summary>
    KeyPerInitHello,
    /// <summary>The configured protocol version is ignored: the other one is used (spec §6.6).</summary>
    WrongVersion,
    /// <summary>CookieReplies are lost both ways (spec §8.4): the IUT never gets ours and never sends its own.</summary>
    DropCookieReply,
    /// <summary>It listens on 127.0.0.1 whatever the configuration says (no IPv6).</summary>
    Ipv4Only,
    /// <summary>Only the first configured peer is kept.</summary>
    FirstPeerOnly,
    /// <summary>No tie-break between simultaneous handshakes (spec §9.6): the library's server without the rule plays the IUT (<see cref="LibraryIut"/>).</summary>
    NoTieBreak,
    /// <summary>Only the first key ever reaches the outfile and stdout: no rekey, no stale-key replacement (spec §9.3, §10.5).</summary>
    KeepFirstKey,
}

internal static class FaultNames
{
    /// <summary>The fault's name on the command line: kebab case (<c>no-cache</c>).</summary>
    public static string Name(this Fault fault) =>
        string.Concat(fault.ToString().Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));

    public static bool TryParse(string name, out Fault fault)
    {
        foreach (var candidate in Enum.GetValues<Fault>())
        {
            if (candidate.Name() != name) continue;
            fault = candidate;
            return true;
        }
        fault = default;
        return false;
    }
}
