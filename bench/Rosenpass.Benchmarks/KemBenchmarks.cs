using Org.BouncyCastle.Pqc.Crypto.Cmce;
using BenchmarkDotNet.Attributes;
using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Crypto.Kyber512;

namespace Rosenpass.Benchmarks;

/// <summary>Kyber512 (spec §2.5): key generation, encapsulation, decapsulation.</summary>
[ShortJob]
public class KyberBenchmarks
{
    private readonly KyberKem _kem = new(SystemRandom.Instance);
    private readonly byte[] _pk = new byte[Kyber512Kem.PublicKeyLength], _sk = new byte[Kyber512Kem.SecretKeyLength], _ct = new byte[Kyber512Kem.CiphertextLength], _shk = new byte[32];

    [GlobalSetup]
    public void Setup()
    {
        _kem.GenerateKeyPair(_pk, _sk);
        _kem.Encapsulate(_ct, _shk, _pk);
    }

    [Benchmark]
    public byte[] KeyGen() { _kem.GenerateKeyPair(_pk, _sk); return _pk; }

    [Benchmark]
    public byte[] Encaps() { _kem.Encapsulate(_ct, _shk, _pk); return _ct; }

    [Benchmark]
    public byte[] Decaps() { _kem.Decapsulate(_shk, _ct, _sk); return _shk; }
}

/// <summary>
/// Classic McEliece 460896 (spec §2.4) on upstream's recorded key pair of peer b: ours (Crypto/ClassicMcEliece,
/// key generation BouncyCastle's), and BouncyCastle 2.7.0's encapsulation and decapsulation through its public API
/// (24-byte keys, otherwise the same computation) in the same run, for the ratio.
/// </summary>
[ShortJob]
public class McElieceBenchmarks
{
    private readonly McEliece460896 _kem = new(SystemRandom.Instance);
    private readonly byte[] _ct = new byte[McEliece460896.CiphertextBytes], _shk = new byte[32];
    private readonly byte[] _newPk = new byte[McEliece460896.PublicKeyBytes], _newSk = new byte[McEliece460896.SecretKeyBytes];
    private byte[] _pk = [], _sk = [];

    [GlobalSetup]
    public void Setup()
    {
        _pk = FixedKeys.PeerBPublicKey;
        _sk = FixedKeys.PeerBSecretKey;
        _kem.Encapsulate(_ct, _shk, _pk);
    }

    [Benchmark]
    public byte[] KeyGen() { _kem.GenerateKeyPair(_newPk, _newSk); return _newPk; }

    [Benchmark]
    public byte[] Encaps() { _kem.Encapsulate(_ct, _shk, _pk); return _ct; }

    [Benchmark]
    public byte[] Decaps() { _kem.Decapsulate(_shk, _ct, _sk); return _shk; }

    [Benchmark]
    public byte[] BouncyCastleEncaps()
    {
        using var encapsulation = new CmceKemGenerator(new Org.BouncyCastle.Security.SecureRandom())
            .GenerateEncapsulated(new CmcePublicKeyParameters(CmceParameters.mceliece460896r3, _pk));
        return encapsulation.GetSecret();
    }

    [Benchmark]
    public byte[] BouncyCastleDecaps() =>
        new CmceKemExtractor(new CmcePrivateKeyParameters(CmceParameters.mceliece460896r3, _sk)).ExtractSecret(_ct);
}
