using System.Net;

namespace Rosenpass.Conformance.Iut;

/// <summary>The IUT as one scenario sees it: where it listens, the key it wrote, how many key events it had, whether it lives.</summary>
internal abstract class IutInstance : IAsyncDisposable
{
    public abstract IPEndPoint Address { get; }

    /// <summary>Key events seen since the scenario began (output-key lines, or outfile rewrites in running mode).</summary>
    public abstract int KeyEvents { get; }

    /// <summary>Null while the IUT runs; otherwise what happened to it (exit code, last error lines).</summary>
    public abstract string? ExitProblem { get; }

    /// <summary>The base64 key in the IUT's outfile, or null if there is none.</summary>
    public abstract string? ReadOutfile();

    /// <summary>The key in the IUT's outfile for our second peer (two-peer scenarios), or null.</summary>
    public virtual string? ReadSecondOutfile() => null;

    public abstract ValueTask DisposeAsync();

    protected static string? ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
