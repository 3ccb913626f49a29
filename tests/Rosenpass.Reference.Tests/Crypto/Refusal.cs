namespace Rosenpass.Reference.Tests.Crypto;

/// <summary>The assertion the argument-guard tests share.</summary>
internal static class Refusal
{
    /// <summary><paramref name="call"/> throws an ArgumentException naming <paramref name="parameter"/>.</summary>
    public static void AssertRefusedNaming(string parameter, Action call) =>
        Assert.Equal(parameter, Assert.Throws<ArgumentException>(call).ParamName);
}
