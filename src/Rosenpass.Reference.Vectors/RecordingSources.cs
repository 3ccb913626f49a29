using Rosenpass.Reference.Crypto;

namespace Rosenpass.Reference.Vectors;

/// <summary>
/// The generator's sources: deterministic streams (<see cref="SeededRandom"/>) for one server of one case, real
/// KEMs, and a log of everything drawn, handed out step by step.
/// </summary>
internal sealed class RecordingSources : IServerSources
{
    private readonly List<Draw> _random = [];
    private readonly List<Draw> _jitter = [];
    private readonly List<KemResult> _kem = [];
    private string _action = "construct";

    /// <summary>
    /// Sources for <paramref name="server"/>; <paramref name="constructionDraws"/>, when given, are handed out first
    /// (a twin server made with another server's secrets), then the server's own stream.
    /// </summary>
    public RecordingSources(byte[] caseSeed, string server, IReadOnlyList<byte[]>? constructionDraws = null)
    {
        IRandomSource stream = new SeededRandom(caseSeed, $"server {server} random");
        if (constructionDraws != null) stream = new Prefixed(constructionDraws, stream);
        Random = new Logged(stream, _random, len => DrawLabels.Random(_action, len));
        Jitter = new Logged(new SeededRandom(caseSeed, $"server {server} jitter"), _jitter, _ => DrawLabels.Jitter);
        StaticKem = new RecordingKem(new McEliece460896(new SeededRandom(caseSeed, $"server {server} static kem")), true, this);
        EphemeralKem = new RecordingKem(new KyberKem(new SeededRandom(caseSeed, $"server {server} ephemeral kem")), false, this);
    }

    public IRandomSource Random { get; }
    public IRandomSource Jitter { get; }
    public IKem StaticKem { get; }
    public IKem EphemeralKem { get; }

    /// <summary>The draws made so far when the server was constructed.</summary>
    public List<Draw> TakeConstructionDraws() => Take(_random);

    public void BeginStep(string action, Injected? injected)
    {
        _action = action;
        _random.Clear();
        _jitter.Clear();
        _kem.Clear();
    }

    public Injected EndStep(out string? problem)
    {
        problem = null;
        return new Injected { Random = Take(_random), Jitter = Take(_jitter), Kem = Take(_kem) };
    }

    private static List<T> Take<T>(List<T> list)
    {
        var copy = list.ToList();
        list.Clear();
        return copy;
    }

    /// <summary>Hands out <paramref name="prefix"/> first (each draw must take one value whole), then <paramref name="rest"/>.</summary>
    private sealed class Prefixed(IReadOnlyList<byte[]> prefix, IRandomSource rest) : IRandomSource
    {
        private int _next;

        public void Fill(Span<byte> destination)
        {
            if (_next == prefix.Count)
            {
                rest.Fill(destination);
                return;
            }
            var value = prefix[_next++];
            if (value.Length != destination.Length)
                throw new InvalidOperationException($"a draw of {destination.Length} bytes met a given value of {value.Length}");
            value.CopyTo(destination);
        }
    }

    private sealed class Logged(IRandomSource inner, List<Draw> log, Func<int, string> label) : IRandomSource
    {
        public void Fill(Span<byte> destination)
        {
            inner.Fill(destination);
            log.Add(new Draw { Label = label(destination.Length), Value = VectorJson.Hex(destination) });
        }
    }

    /// <summary>A real KEM whose key generations and encapsulations are logged as the step's injected values.</summary>
    private sealed class RecordingKem(IKem real, bool isStatic, RecordingSources owner) : IKem
    {
        public int PublicKeyLength => real.PublicKeyLength;
        public int SecretKeyLength => real.SecretKeyLength;
        public int CiphertextLength => real.CiphertextLength;
        public int SharedKeyLength => real.SharedKeyLength;

        public void GenerateKeyPair(Span<byte> publicKey, Span<byte> secretKey)
        {
            real.GenerateKeyPair(publicKey, secretKey);
            owner._kem.Add(new KemResult
            {
                Kem = KemName, Operation = "keygen", Step = DrawLabels.KemStep(owner._action, isStatic, "keygen"),
                PublicKey = VectorJson.Hex(publicKey), SecretKey = VectorJson.Hex(secretKey),
            });
        }

        public void Encapsulate(Span<byte> ciphertext, Span<byte> sharedKey, ReadOnlySpan<byte> publicKey)
        {
            real.Encapsulate(ciphertext, sharedKey, publicKey);
            owner._kem.Add(new KemResult
            {
                Kem = KemName, Operation = "encaps", Step = DrawLabels.KemStep(owner._action, isStatic, "encaps"),
                SharedKey = VectorJson.Hex(sharedKey), Ciphertext = VectorJson.Hex(ciphertext),
            });
        }

        public void Decapsulate(Span<byte> sharedKey, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> secretKey) =>
            real.Decapsulate(sharedKey, ciphertext, secretKey);

        private string KemName => isStatic ? "static" : "ephemeral";
    }
}
