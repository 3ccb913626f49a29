using Rosenpass.Reference.Vectors;

namespace Rosenpass.Reference.Tests.Vectors;

/// <summary>Our vectors generated once into a temporary folder, shared by the tests of <see cref="OurVectorsTests"/>.</summary>
public sealed class GeneratedVectorsFixture : IDisposable
{
    public GeneratedVectorsFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "rosenpass-vectors-" + Guid.NewGuid().ToString("N"));
        var log = new StringWriter();
        ExitCode = VectorsTool.Generate(Directory, log);
        Log = log.ToString();
    }

    /// <summary>Where the generator wrote.</summary>
    public string Directory { get; }

    public int ExitCode { get; }

    public string Log { get; }

    /// <summary>The committed vectors.</summary>
    public static string Committed => Path.Combine(TestPaths.RepoRoot, "vectors");

    /// <summary>A fresh temporary folder for a test's modified copies.</summary>
    public static string TempFolder()
    {
        string path = Path.Combine(Path.GetTempPath(), "rosenpass-vectors-copy-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
