using Rosenpass.Reference.Crypto;

namespace Rosenpass.Conformance.Tests;

/// <summary>Two McEliece key pairs for a test class (keygen costs about 0.6 s a pair).</summary>
public sealed class KeyPairsFixture : IDisposable
{
    public KeyPair A { get; } = KeyPair.Generate(SystemRandom.Instance);

    public KeyPair B { get; } = KeyPair.Generate(SystemRandom.Instance);

    public void Dispose()
    {
        A.Dispose();
        B.Dispose();
    }
}
