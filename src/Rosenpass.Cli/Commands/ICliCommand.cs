using System.CommandLine;

namespace Rosenpass.Cli.Commands;

/// <summary>One subcommand of <c>rosenpass</c>. Each lives in its own file; <see cref="CommandRegistry"/> lists them.</summary>
public interface ICliCommand
{
    Command Build();
}
