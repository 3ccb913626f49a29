namespace Rosenpass.Conformance.Tests;

/// <summary>Our own <c>rosenpass</c> (rosenpass.dll, copied beside the tests) as the IUT command, and a faulty one.</summary>
public static class OwnRosenpass
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "rosenpass.dll");

    /// <summary>tests/Rosenpass.FaultyIut: our rosenpass behind a relay that announces a second key for a replayed InitConf.</summary>
    public static string FaultyDll => Path.Combine(AppContext.BaseDirectory, "Rosenpass.FaultyIut.dll");

    /// <summary><c>dotnet rosenpass.dll exchange-config {config}</c>.</summary>
    public static string IutCommand() => $"dotnet '{Dll}' exchange-config {{config}}";

    /// <summary>The same rosenpass run by <see cref="FaultyDll"/>, which adds the planted fault from outside it.</summary>
    public static string FaultyIutCommand() => $"dotnet '{FaultyDll}' '{Dll}' exchange-config {{config}}";
}
