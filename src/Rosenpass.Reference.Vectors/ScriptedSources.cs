using Rosenpass.Reference.Crypto;

namespace Rosenpass.Reference.Vectors;

/// <summary>
/// The checker's sources: before each step they hold exactly what the case recorded for it, and after the step
/// every recorded value must have been used. Decapsulation is real: that is what the vector checks.
/// </summary>
internal sealed class ScriptedSources : IServerSources
{
    private readonly ScriptedRandom _random = new();
    private readonly ScriptedRandom _jitter = new();
    private readonly ScriptedKem _static = new(new McEliece460896(SystemRandom.Instance));
    private readonly ScriptedKem _ephemeral = new(new KyberKem(SystemRandom.Instance));
    private readonly string _where;

    /// <summary>Sources for the server made from <paramref name="setup"/>; its construction draws are queued.</summary>
    public ScriptedSources(ServerSetup setup, string where)
    {
        _where = where;
        foreach (var draw in setup.ConstructionRandom) _random.Then(draw.Label, VectorJson.Bytes(draw.Value, where + " constructionRandom"));
    }

    public IRandomSource Random => _random;
    public IRandomSource Jitter => _jitter;
    public IKem StaticKem => _static;
    public IKem EphemeralKem => _ephemeral;

    public void BeginStep(string action, Injected? injected)
    {
        if (injected == null) return;
        foreach (var d in injected.Random) _random.Then(d.Label, VectorJson.Bytes(d.Value, _where + " random"));
        foreach (var d in injected.Jitter) _jitter.Then(d.Label, VectorJson.Bytes(d.Value, _where + " jitter"));
        foreach (var k in injected.Kem) Queue(k);
    }

    public Injected EndStep(out string? problem)
    {
        problem = null;
        int unused = _random.Remaining + _jitter.Remaining + _static.Remaining + _ephemeral.Remaining;
        if (unused > 0)
        {
            problem = $"{unused} injected value(s) were not used (random {_random.Remaining}, jitter {_jitter.Remaining}, "
                + $"static kem {_static.Remaining}, ephemeral kem {_ephemeral.Remaining})";
            Drain();
        }
        return new Injected { Random = [], Jitter = [], Kem = [] };
    }

    private void Queue(KemResult k)
    {
        var kem = k.Kem switch
        {
            "static" => _static,
            "ephemeral" => _ephemeral,
            _ => throw new InputFormatException(_where, $"kem must be static or ephemeral, not '{k.Kem}'"),
        };
        string where = $"{_where} kem {k.Step}";
        switch (k.Operation)
        {
            case "keygen":
                kem.ThenKeyPair(Required(k.PublicKey, kem.PublicKeyLength, where, "publicKey"),
                    Required(k.SecretKey, kem.SecretKeyLength, where, "secretKey"));
                break;
            case "encaps":
                kem.ThenEncapsulation(Required(k.Ciphertext, kem.CiphertextLength, where, "ciphertext"),
                    Required(k.SharedKey, kem.SharedKeyLength, where, "sharedKey"));
                break;
            default:
                throw new InputFormatException(where, $"operation must be keygen or encaps, not '{k.Operation}'");
        }
    }

    /// <summary>The bytes of a KEM field, which must be present and exactly as long as the KEM's.</summary>
    private static byte[] Required(string? hex, int length, string where, string field)
    {
        byte[] value = VectorJson.Bytes(hex ?? throw new InputFormatException(where, $"missing {field}"), $"{where} {field}");
        if (value.Length != length) throw new InputFormatException($"{where} {field}", $"must be {length} bytes, not {value.Length}");
        return value;
    }

    /// <summary>Empties the queues so that the next step starts clean after a reported problem.</summary>
    private void Drain()
    {
        _random.Clear();
        _jitter.Clear();
        _static.Clear();
        _ephemeral.Clear();
    }
}
