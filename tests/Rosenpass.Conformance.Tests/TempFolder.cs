namespace Rosenpass.Conformance.Tests;

/// <summary>A fresh temporary folder, removed with everything in it.</summary>
public sealed class TempFolder : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("rp-conformance-test-");

    public string File(string name) => Path.Combine(_folder.FullName, name);

    public void Dispose() => _folder.Delete(recursive: true);
}
