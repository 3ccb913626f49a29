namespace Rosenpass.Conformance.Tests;

/// <summary>Our own <c>rosenpass</c> (rosenpass.dll, copied beside the tests) as the IUT command, and a faulty one.</summary>
public static class OwnRosenpass
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "rosenpass.dll");

    /// <summary>tests/Rosenpass.FaultyIut: our rosenpass behind a relay with a planted fault (default: a second key for a replayed InitConf).</summary>
    public static string FaultyDll => Path.Combine(AppContext.BaseDirectory, "Rosenpass.FaultyIut.dll");

    /// <summary><c>dotnet rosenpass.dll exchange-config {config}</c>.</summary>
    public static string IutCommand() => $"dotnet '{Dll}' exchange-config {{config}}";

    /// <summary>The same rosenpass run by <see cref="FaultyDll"/>, which adds the planted fault from outside it.</summary>
    public static string FaultyIutCommand() => $"dotnet '{FaultyDll}' '{Dll}' exchange-config {{config}}";

    /// <summary>The faulty IUT with the planted fault <paramref name="fault"/> (tests/Rosenpass.FaultyIut/Fault.cs, kebab case).</summary>
    public static string FaultyIutCommand(string fault) => $"dotnet '{FaultyDll}' --fault {fault} '{Dll}' exchange-config {{config}}";
}
