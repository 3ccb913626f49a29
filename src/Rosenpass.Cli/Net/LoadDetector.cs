namespace Rosenpass.Cli.Net;

/// <summary>
/// The daemon's under-load rule (spec §8.5.3): under load for <see cref="Hold"/> after either the last
/// <see cref="InitHelloCount"/> InitHellos with a valid mac came within <see cref="Window"/>, or
/// <see cref="Backlog"/> InitHellos were waiting. A count, not a CPU share, so a faster McEliece does not move it.
/// </summary>
public sealed class LoadDetector
{
    /// <summary>LOAD_WINDOW, in seconds.</summary>
    public const double Window = 1;

    /// <summary>LOAD_INITHELLO_COUNT: valid-mac InitHellos within the window that mean "under load".</summary>
    public const int InitHelloCount = 16;

    /// <summary>LOAD_BACKLOG: waiting InitHellos that mean "under load".</summary>
    public const int Backlog = 16;

    /// <summary>LOAD_HOLD, in seconds: how long a trigger keeps the daemon under load (the whitepaper's 1 s window).</summary>
    public const double Hold = 1;

    /// <summary>When the last <see cref="InitHelloCount"/> valid-mac InitHellos were handled, oldest at <see cref="_oldest"/>.</summary>
    private readonly double[] _recent = new double[InitHelloCount];
    private int _oldest;
    private int _seen;
    private double _underLoadUntil = double.NegativeInfinity;

    public bool IsUnderLoad(double now) => now < _underLoadUntil;

    /// <summary>An InitHello whose mac verified was handled at <paramref name="now"/> (whatever came of it).</summary>
    public void ValidMacInitHello(double now)
    {
        _recent[_oldest] = now;
        _oldest = (_oldest + 1) % InitHelloCount;
        _seen = Math.Min(_seen + 1, InitHelloCount);
        if (_seen == InitHelloCount && now - _recent[_oldest] <= Window) Trigger(now);
    }

    /// <summary><paramref name="initHellos"/> InitHellos wait in the queue at <paramref name="now"/>.</summary>
    public void Waiting(int initHellos, double now)
    {
        if (initHellos >= Backlog) Trigger(now);
    }

    private void Trigger(double now) => _underLoadUntil = now + Hold;
}
