using Rosenpass.Cli.Tests.Support;

namespace Rosenpass.Cli.Tests.EndToEnd;

/// <summary>The end-to-end classes share one set of key pairs and run one after another (each starts processes).</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<KeyPairFixture>
{
    public const string Name = "end to end";
}
