namespace Rosenpass.Cli.Commands;

/// <summary>The subcommands, in help order. A new subcommand is one line here plus its own file.</summary>
public static class CommandRegistry
{
    public static IReadOnlyList<ICliCommand> All { get; } =
    [
        new ExchangeCommand(),
        new ExchangeConfigCommand(),
        new GenConfigCommand(),
        new GenKeysCommand(),
        new KeygenCommand(),
        new ValidateCommand(),
        new DemoCommand(),
        new VectorsCommand(),
        new TraceCommand(),
    ];
}
