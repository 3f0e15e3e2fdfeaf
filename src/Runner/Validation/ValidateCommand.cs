using System.CommandLine;
using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.Validation;

/// <summary>The <c>stemsim validate</c> command.</summary>
internal sealed class ValidateCommand(ValidateService validation) : ICliCommand
{
    public Command Build()
    {
        var files = new Argument<string[]>("scenario") { Description = "One or more scenario files (YAML).", Arity = ArgumentArity.OneOrMore };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only the errors, no 'ok' lines." };
        var explain = new Option<bool>("--explain") { Description = "Under each valid file's 'ok' line, list the voting members each group it names (blocs, regional groups, with 'except') covers on the vote's date." };
        var command = new Command("validate", """
            Check scenario files without running them: every error of every file at once, each with file, line, column
            and a suggestion, on standard error; an 'ok' line per valid file on standard output. Exit code 2 when any
            file has an error, 0 when all are valid.

            Examples:
              stemsim validate scenarios/ga-hrc-suspension-2026.yaml
              stemsim validate scenarios/*.yaml scenarios/replays/*.yaml
              stemsim validate --quiet my-scenario.yaml && stemsim run my-scenario.yaml
              stemsim validate --explain my-scenario.yaml
            """)
        {
            files, quiet, explain,
        };
        command.SetAction(parse => validation.Validate(parse.GetValue(files)!, parse.GetValue(quiet), parse.GetValue(explain)));
        return command;
    }
}
