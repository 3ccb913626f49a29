namespace Rosenpass.Conformance.Tests;

/// <summary>Tests that run IUT processes share one collection, so they run one after another: on a 2-core CI
/// machine, parallel handshakes would only slow each other down.</summary>
[CollectionDefinition(Name)]
public sealed class IutProcesses
{
    public const string Name = "IUT processes";
}
