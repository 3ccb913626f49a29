using System.Globalization;

namespace Rosenpass.Cli.Net;

/// <summary>
/// For tests only: <c>ROSENPASS_TEST_TIME_SCALE=N</c> (1 to 60) makes the daemon's protocol clock run N times as fast,
/// so a process test sees the 120/130 s rekeys (spec §9.3) in 120/N s. Every protocol timer scales alike
/// (retransmissions, rekey, reject-after, biscuit and cookie epochs); nothing on the wire changes. Unset, empty or
/// out of range means real time. Documented in docs/testing.md; never set it for a real daemon.
/// </summary>
public static class TestTimeScale
{
    public const string Variable = "ROSENPASS_TEST_TIME_SCALE";

    public static double FromEnvironment() =>
        double.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.Float, CultureInfo.InvariantCulture, out double scale)
        && scale is >= 1 and <= 60
            ? scale
            : 1;
}
