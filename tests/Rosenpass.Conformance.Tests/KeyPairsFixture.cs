namespace Rosenpass.Conformance.Tests;

/// <summary>Two McEliece key pairs for a test class (keygen costs about 0.6 s a pair).</summary>
public sealed class KeyPairsFixture : IDisposable
{
    public KeyPair A { get; } = KeyPair.Generate();

    public KeyPair B { get; } = KeyPair.Generate();

    public void Dispose()
    {
        A.Dispose();
        B.Dispose();
    }
}
