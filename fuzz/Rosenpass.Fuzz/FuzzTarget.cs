namespace Rosenpass.Fuzz;

/// <summary>
/// One fuzz target: a name (the argument of fuzz/run.sh), what it feeds, and the body run on each input.
/// A body returns normally for every input the code under test handles as specified (accepted, or refused with
/// our own typed error); anything else escapes as an exception, and AFL++ records the input as a crash.
/// </summary>
/// <param name="Name">The name used on the command line and for the seed and output folders.</param>
/// <param name="Description">One line for `--list` and docs/testing.md.</param>
/// <param name="Run">The body, given one input.</param>
/// <param name="Seeds">The seed corpus, built from upstream's vector (name → bytes).</param>
public sealed record FuzzTarget(string Name, string Description, Action<byte[]> Run,
    Func<UpstreamVector, IEnumerable<(string Name, byte[] Bytes)>> Seeds);

/// <summary>A property the code under test must keep was broken: the input is a crash even though nothing threw.</summary>
public sealed class PropertyViolatedException(string message) : Exception(message);
