namespace Rosenpass.Reference;

/// <summary>
/// The one exception our readers of outside input throw (vector files, configuration, key files):
/// the input is not what the format requires. The message names the input and what is wrong with it.
/// Network messages never throw; they are rejected with a typed <c>RejectionKind</c> instead.
/// </summary>
public sealed class InputFormatException : Exception
{
    /// <summary>An error about <paramref name="input"/> (a path, or a field).</summary>
    public InputFormatException(string input, string problem, Exception? inner = null)
        : base($"{input}: {problem}", inner)
    {
        Input = input;
        Problem = problem;
    }

    /// <summary>What was being read: a file path or a field name.</summary>
    public string Input { get; }

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; }
}
