using System.CommandLine;
using Rosenpass.Reference.Vectors;

namespace Rosenpass.Cli.Commands;

/// <summary>
/// <c>rosenpass vectors generate --out DIR</c> and <c>rosenpass vectors check PATH...</c>: our known-answer
/// vectors (vectors/README.md) and upstream's assert_tv files. Exit 0 only when everything matches.
/// </summary>
public sealed class VectorsCommand : ICliCommand
{
    public Command Build()
    {
        var outDir = new Option<string>("--out") { Description = "Folder to write the vector files into", Required = true };
        var generate = new Command("generate", "Generate our known-answer vectors, deterministically") { outDir };
        generate.SetAction(parse => CommandRunner.Run(() => VectorsTool.Generate(parse.GetRequiredValue(outDir), Console.Out)));

        var paths = new Argument<string[]>("PATH") { Description = "Vector files or folders: our .json, upstream's .toml", Arity = ArgumentArity.OneOrMore };
        var check = new Command("check", "Check vector files against this implementation") { paths };
        check.SetAction(parse => CommandRunner.Run(() => VectorsTool.Check(parse.GetRequiredValue(paths), Console.Out)));

        return new Command("vectors", "Generate or check known-answer vectors") { generate, check };
    }
}
