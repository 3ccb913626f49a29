using Rosenpass.Reference.Crypto;

namespace Rosenpass.Reference.Protocol;

/// <summary>
/// A pair of secrets that take turns (spec §7.2 for biscuit keys, §8.3 for cookie secrets): each is Young for
/// one epoch after it is made, Retired for one more, then erased. When the younger is no longer Young, the
/// older one is re-randomised and becomes the active one.
/// </summary>
internal sealed class RotatingKeys : IDisposable
{
    private readonly Secret[] _keys;
    private readonly double[] _createdAt = [Timing.Bce, Timing.Bce];
    private readonly double _epoch;
    private readonly IRandomSource _random;

    /// <summary>Draws both keys at once (upstream does, so vectors inject them in this order); both start ancient.</summary>
    public RotatingKeys(int keyLength, double epoch, IRandomSource random)
    {
        _epoch = epoch;
        _random = random;
        _keys = [Secret.Random(keyLength, random), Secret.Random(keyLength, random)];
    }

    public Secret this[int index] => _keys[index];

    public bool IsYoung(int index, double now) => !Timing.HasHappened(_createdAt[index] + _epoch, now);

    public bool IsAlive(int index, double now) => !Timing.HasHappened(_createdAt[index] + 2 * _epoch, now);

    /// <summary>The indices of the living keys, youngest first.</summary>
    public IEnumerable<int> AliveYoungestFirst(double now) =>
        new[] { Younger, Older }.Where(i => IsAlive(i, now));

    /// <summary>
    /// The key to use now. Biscuit keys (spec §7.2) keep the younger key while it is Young; cookie secrets
    /// (spec §8.3) while it is alive at all. Otherwise the older key is re-randomised and used.
    /// </summary>
    public int Active(double now, bool whileYoungOnly)
    {
        if (whileYoungOnly ? IsYoung(Younger, now) : IsAlive(Younger, now)) return Younger;
        int index = Older;
        _random.Fill(_keys[index].Expose());
        _createdAt[index] = now;
        return index;
    }

    /// <summary>Re-randomises keys past their second epoch and marks them ancient (the poll of spec §9.5).</summary>
    public void EraseExpired(double now)
    {
        for (int i = 0; i < 2; i++)
        {
            if (_createdAt[i] != Timing.Bce && !IsAlive(i, now))
            {
                _random.Fill(_keys[i].Expose());
                _createdAt[i] = Timing.Bce;
            }
        }
    }

    /// <summary>On a tie (both ancient at start) index 1 counts as the older: upstream's first biscuit uses key 1.</summary>
    private int Older => _createdAt[0] < _createdAt[1] ? 0 : 1;
    private int Younger => 1 - Older;

    /// <summary>Creation times and key fingerprints, for <see cref="Server.DescribeState"/>.</summary>
    public string Describe() =>
        string.Join(",", Enumerable.Range(0, 2).Select(i => $"{_createdAt[i]}:{StateDigest.Fingerprint(_keys[i].Expose())}"));

    public void Dispose()
    {
        foreach (var key in _keys) key.Dispose();
    }
}
