using BenchmarkDotNet.Attributes;
using Rosenpass.Reference.Crypto;

namespace Rosenpass.Benchmarks;

/// <summary>
/// KH of both versions (spec §2.1) over a chaining-key-sized input (32 B), a message-sized one (1028 B, what the
/// InitHello mac covers) and a McEliece public key (524160 B, what mix(spk) hashes).
/// </summary>
[ShortJob]
public class KeyedHashBenchmarks
{
    private readonly byte[] _key = new byte[KeyedHash.KeyLength];
    private readonly byte[] _output = new byte[KeyedHash.OutputLength];
    private byte[] _data = [];
    private KeyedHash _hash = KeyedHash.For(ProtocolVersion.V02);

    [Params(ProtocolVersion.V02, ProtocolVersion.V03)]
    public ProtocolVersion Version { get; set; }

    [Params(32, 1028, McEliece460896.PublicKeyLength)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _hash = KeyedHash.For(Version);
        _data = new byte[Size];
        SystemRandom.Instance.Fill(_data);
        SystemRandom.Instance.Fill(_key);
    }

    [Benchmark]
    public byte[] Compute()
    {
        _hash.Compute(_key, _data, _output);
        return _output;
    }
}
