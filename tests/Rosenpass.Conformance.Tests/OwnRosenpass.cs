namespace Rosenpass.Conformance.Tests;

/// <summary>Our own <c>rosenpass</c> (rosenpass.dll, copied beside the tests) as the IUT command.</summary>
public static class OwnRosenpass
{
    /// <summary>Set only by tests: makes our CLI answer a replayed InitConf with a second key event.</summary>
    public const string PlantedFaultVariable = "ROSENPASS_TEST_PLANTED_FAULT";
    public const string ReplayedInitConfKeyFault = "replayed-initconf-key";

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "rosenpass.dll");

    /// <summary><c>dotnet rosenpass.dll exchange-config {config}</c>, optionally with a planted fault in its environment.</summary>
    public static string IutCommand(string? plantedFault = null) =>
        (plantedFault is null ? "" : $"env {PlantedFaultVariable}={plantedFault} ") + $"dotnet '{Dll}' exchange-config {{config}}";
}
