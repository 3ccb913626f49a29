using System.CommandLine;
using Rosenpass.Reference.Crypto;
using Rosenpass.Reference.Teaching;

namespace Rosenpass.Cli.Commands;

/// <summary>
/// <c>rosenpass trace [--version V02|V03] [--case ID [--vectors PATH]] [--json]</c>: one handshake in-process, every
/// step with its spec section, its operation and the values it produced. <c>--case</c> replays a case of our vectors,
/// so the numbers are the walkthrough's on every run. For learners: it prints chaining keys and other secrets.
/// </summary>
public sealed class TraceCommand : ICliCommand
{
    public Command Build()
    {
        var version = new Option<ProtocolVersion>("--version") { Description = "Protocol version (keyed hash) of a fresh handshake", DefaultValueFactory = _ => ProtocolVersion.V03 };
        var vectorCase = new Option<string?>("--case") { Description = "Replay this case of our vectors instead (e.g. v03-handshake-psk, as in docs/walkthrough.md)" };
        var vectors = new Option<string>("--vectors") { Description = "With --case: a vector file, or a folder of them", DefaultValueFactory = _ => "vectors" };
        var json = new Option<bool>("--json") { Description = "Print one JSON document, values in full hex" };
        var command = new Command("trace", "Run one handshake and print every step's values (for learning)") { version, vectorCase, vectors, json };
        command.SetAction(parse => CommandRunner.Run(() => parse.GetValue(vectorCase) is { } id
            ? TraceTool.RunCase(parse.GetValue(vectors)!, id, Console.Out, parse.GetValue(json))
            : TraceTool.Run(parse.GetValue(version), Console.Out, parse.GetValue(json))));
        return command;
    }
}
