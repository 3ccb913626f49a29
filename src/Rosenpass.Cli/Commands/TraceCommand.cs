using System.CommandLine;
using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Teaching;

namespace Rosenpass.Cli.Commands;

/// <summary>
/// <c>rosenpass trace [--version V02|V03]</c>: runs one handshake in-process and prints every step with its spec
/// section and the values it produced. For learners: it prints chaining keys and other secrets of that run.
/// </summary>
public sealed class TraceCommand : ICliCommand
{
    public Command Build()
    {
        var version = new Option<ProtocolVersion>("--version") { Description = "Protocol version (keyed hash)", DefaultValueFactory = _ => ProtocolVersion.V03 };
        var command = new Command("trace", "Run one handshake and print every step's values (for learning)") { version };
        command.SetAction(parse => CommandRunner.Run(() => TraceTool.Run(parse.GetValue(version), Console.Out)));
        return command;
    }
}
