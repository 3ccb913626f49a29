namespace Rosenpass.Reference.Crypto.Kyber512;

/// <summary>
/// The polynomials one key generation, encapsulation or decapsulation works in (the local variables of the
/// reference's <c>indcpa.c</c>): made once per thread, their coefficients in pinned arrays (the collector never
/// moves, and so never copies, these secrets), and zeroed by <see cref="Clear"/> when each operation of
/// <see cref="Kyber512Kem"/> ends, so no call allocates. Decapsulation decrypts first and re-encrypts after,
/// so the two share the same polynomials in turn.
/// </summary>
internal sealed class Workspace
{
    [ThreadStatic] private static Workspace? t_current;

    /// <summary>This thread's workspace.</summary>
    public static Workspace Current => t_current ??= new Workspace();

    /// <summary>The matrix Â (key generation) or Â^T (encryption), row by row.</summary>
    public readonly PolyVec[] Matrix = [new PolyVec(), new PolyVec()];

    /// <summary>Key generation: the secret ŝ, the error ê, the public t̂. Decryption: ŝ.</summary>
    public readonly PolyVec S = new(), E = new(), T = new();

    /// <summary>Encryption: the vector r̂, the errors e1 and e2, the message polynomial, and the results u, v.</summary>
    public readonly PolyVec R = new(), E1 = new(), U = new();

    /// <summary>Encryption: e2, the message as a polynomial, and v. Decryption: v and the product ŝ^T∘û.</summary>
    public readonly Poly E2 = new(), Message = new(), V = new(), Product = new();

    /// <summary>Zeroes every polynomial (spec §2.7): most of them held secrets or values derived from them.</summary>
    public void Clear()
    {
        foreach (var row in Matrix)
        {
            row.Clear();
        }
        S.Clear();
        E.Clear();
        T.Clear();
        R.Clear();
        E1.Clear();
        U.Clear();
        E2.Clear();
        Message.Clear();
        V.Clear();
        Product.Clear();
    }
}
