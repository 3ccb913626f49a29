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
