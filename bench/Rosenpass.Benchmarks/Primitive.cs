namespace Rosenpass.Benchmarks;

/// <summary>The primitive operations of a handshake other than the keyed hash, each with its own benchmark.</summary>
public enum Primitive
{
    McElieceEncaps, McElieceDecaps, KyberKeyGen, KyberEncaps, KyberDecaps,
    AeadEncrypt32, AeadDecrypt32, AeadEncryptEmpty, AeadDecryptEmpty, XAeadEncryptBiscuit, XAeadDecryptBiscuit,
}

public static class PrimitiveBenchmark
{
    /// <summary>The benchmark that measures <paramref name="primitive"/>, as <see cref="Measurements"/> names it.</summary>
    public static string NameOf(Primitive primitive) => primitive switch
    {
        Primitive.McElieceEncaps => "McElieceBenchmarks.Encaps",
        Primitive.McElieceDecaps => "McElieceBenchmarks.Decaps",
        Primitive.KyberKeyGen => "KyberBenchmarks.KeyGen",
        Primitive.KyberEncaps => "KyberBenchmarks.Encaps",
        Primitive.KyberDecaps => "KyberBenchmarks.Decaps",
        _ => "AeadBenchmarks." + primitive,
    };
}
