using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Crypto.Kyber512;

namespace Rosenpass.Reference.Tests.Crypto;

/// <summary>
/// Kyber512's per-thread workspace (spec §2.7): every polynomial zeroed when an operation ends, and no operation
/// allocates once the thread's workspace and digests exist.
/// </summary>
public class Kyber512WorkspaceTests
{
    private static IEnumerable<Poly> Polynomials(Workspace w) =>
        new[] { w.Matrix[0], w.Matrix[1], w.S, w.E, w.T, w.R, w.E1, w.U }.SelectMany(v => v.Vec)
            .Concat([w.E2, w.Message, w.V, w.Product]);

    private static void AssertZeroed(string after)
    {
        foreach (var p in Polynomials(Workspace.Current))
        {
            Assert.True(p.Coeffs.All(c => c == 0), $"a polynomial is not zeroed after {after}");
        }
    }

    [Fact]
    public void Every_operation_leaves_the_workspace_zeroed()
    {
        byte[] pk = new byte[Kyber512Kem.PublicKeyLength], sk = new byte[Kyber512Kem.SecretKeyLength];
        byte[] ct = new byte[Kyber512Kem.CiphertextLength], ss = new byte[32], ss2 = new byte[32];
        Kyber512Kem.GenerateKeyPair(pk, sk, SystemRandom.Instance);
        AssertZeroed("key generation");
        Kyber512Kem.Encapsulate(ct, ss, pk, SystemRandom.Instance);
        AssertZeroed("encapsulation");
        Kyber512Kem.Decapsulate(ss2, ct, sk);
        AssertZeroed("decapsulation");
        Assert.Equal(ss, ss2);
    }

    [Fact]
    public void The_workspace_is_the_one_the_operations_use()
    {
        // The check above would pass on a workspace nobody writes: an encryption leaves values in this one.
        Workspace w = Workspace.Current;
        byte[] pk = new byte[Kyber512Kem.PublicKeyLength], sk = new byte[Kyber512Kem.SecretKeyLength];
        Kyber512Kem.GenerateKeyPair(pk, sk, SystemRandom.Instance);
        IndCpa.Encrypt(new byte[Kyber512Kem.CiphertextLength], new byte[32], pk, new byte[32], w);
        Assert.Contains(Polynomials(w), p => p.Coeffs.Any(c => c != 0));
        w.Clear();
        AssertZeroed("Clear");
    }

    [Fact]
    public void Operations_allocate_nothing_once_warm()
    {
        byte[] pk = new byte[Kyber512Kem.PublicKeyLength], sk = new byte[Kyber512Kem.SecretKeyLength];
        byte[] ct = new byte[Kyber512Kem.CiphertextLength], ss = new byte[32];
        Kyber512Kem.GenerateKeyPair(pk, sk, SystemRandom.Instance);
        Kyber512Kem.Encapsulate(ct, ss, pk, SystemRandom.Instance);
        Kyber512Kem.Decapsulate(ss, ct, sk);
        // The rare matrix entry that needs more than three XOF blocks makes this thread's SHAKE128 digest once.
        byte[] seed = new byte[32];
        seed[0] = 7;
        IndCpa.GenerateEntry(new short[256], seed, 0, 0);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
        {
            Kyber512Kem.GenerateKeyPair(pk, sk, SystemRandom.Instance);
            Kyber512Kem.Encapsulate(ct, ss, pk, SystemRandom.Instance);
            Kyber512Kem.Decapsulate(ss, ct, sk);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
