namespace Rosenpass.Cli.Help;

/// <summary>
/// <c>rosenpass --print-completions bash|zsh|fish</c>: a script for the shell's completion system. System.CommandLine
/// already knows every completion (its <c>[suggest:POSITION]</c> directive prints the candidates for a command line,
/// one per line, the way <c>dotnet-suggest</c> asks for them), so each script only hands the shell's current line and
/// cursor position to <c>rosenpass</c> and offers what comes back: the completions stay in step with the commands.
/// </summary>
public static class CompletionScripts
{
    /// <summary>The shells with a script.</summary>
    public static readonly IReadOnlyList<string> Shells = ["bash", "zsh", "fish"];

    /// <summary>The script for <paramref name="shell"/> (one of <see cref="Shells"/>).</summary>
    public static string For(string shell) => shell switch
    {
        "bash" => Bash,
        "zsh" => Zsh,
        "fish" => Fish,
        _ => throw new ArgumentOutOfRangeException(nameof(shell), shell, "no completion script for this shell"),
    };

    // bash: COMP_LINE is the whole line, COMP_POINT the cursor; System.CommandLine matches anywhere in a name, bash
    // wants the current word's prefix (compgen); -o default falls back to file names.
    private const string Bash = """
        # rosenpass completion for bash: source it, or save it as /usr/share/bash-completion/completions/rosenpass
        _rosenpass_complete() {
            local IFS=$'\n'
            local candidates
            candidates=$(command rosenpass "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)
            COMPREPLY=($(compgen -W "${candidates}" -- "${COMP_WORDS[COMP_CWORD]}"))
        }
        complete -o default -F _rosenpass_complete rosenpass

        """;

    // zsh: BUFFER is the whole line, CURSOR the position; _files when rosenpass offers nothing.
    private const string Zsh = """
        #compdef rosenpass
        # rosenpass completion for zsh: save it as _rosenpass in a folder on $fpath, or source it after compinit
        _rosenpass() {
            local -a candidates
            candidates=("${(@f)$(command rosenpass "[suggest:${CURSOR}]" "${BUFFER}" 2>/dev/null)}")
            candidates=(${candidates:#})
            if (( ${#candidates} )); then compadd -a candidates; else _files; fi
        }
        if [ "$funcstack[1]" = "_rosenpass" ]; then _rosenpass "$@"; else compdef _rosenpass rosenpass; fi

        """;

    // fish: commandline -cp is the line up to the cursor, so the position is its length.
    private const string Fish = """
        # rosenpass completion for fish: save it as ~/.config/fish/completions/rosenpass.fish
        function __rosenpass_complete
            set -l line (commandline -cp)
            command rosenpass "[suggest:"(string length -- "$line")"]" "$line" 2>/dev/null
        end
        complete -c rosenpass -a '(__rosenpass_complete)'

        """;
}
