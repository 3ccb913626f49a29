namespace Rosenpass.Cli.Tests.Support;

/// <summary>A test that runs only with <c>ROSENPASS_LONG_TESTS=1</c> (it takes minutes); otherwise reported as skipped.</summary>
public sealed class LongFactAttribute : FactAttribute
{
    public LongFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("ROSENPASS_LONG_TESTS") != "1") Skip = "long test: set ROSENPASS_LONG_TESTS=1 to run it";
    }
}
