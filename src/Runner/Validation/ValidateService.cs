using System.Globalization;
using Spectre.Console;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Scenarios;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Runner.Validation;

/// <summary>
/// Checks scenario files without running them: every error of every file, with file, line and column, in one pass
/// (the same checks as 'stemsim run', which stops at the first broken file).
/// </summary>
internal sealed class ValidateService(ConsoleStreams console)
{
    public int Validate(IReadOnlyList<string> files, bool quiet, bool explain = false)
    {
        var invariant = CultureInfo.InvariantCulture;
        int errors = 0;
        int broken = 0;
        foreach (string file in files)
        {
            var loaded = ScenarioLoader.LoadFile(file);
            foreach (var warning in loaded.Warnings)
            {
                console.Error.WriteLine(warning.ToString());
            }

            if (loaded.Succeeded)
            {
                if (!quiet)
                {
                    var model = loaded.Model!;
                    var document = loaded.Document!;
                    string what = string.Join(", ", new[]
                    {
                        model.VoteCount > 0 ? Count(model.VoteCount, "vote") : null,
                        model.ElectionCount > 0 ? Count(model.ElectionCount, "election") : null,
                        model.Variants.Count > 1 ? Count(model.Variants.Count - 1, "variant") : null,
                        string.Create(invariant, $"{model.Trials:N0} trials"),
                    }.OfType<string>());
                    WriteOk($"{file} ({document.Scenario}: {what})");
                }

                if (explain)
                {
                    foreach (var expansion in GroupExpansion.Of(loaded.Document!, MemberGroups.Embedded))
                    {
                        console.Out.WriteLine("  " + expansion);
                    }
                }

                continue;
            }

            broken++;
            foreach (var diagnostic in loaded.Diagnostics)
            {
                console.Error.WriteLine(diagnostic.ToString());
                errors++;
            }
        }

        if (broken > 0)
        {
            console.Error.WriteLine(string.Create(invariant, $"{errors} error(s) in {broken} of {files.Count} file(s)."));
            return ExitCodes.InvalidInput;
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// The line saying a file is valid: "ok" in green, then <paramref name="text"/>. Where Spectre would write the
    /// plain line anyway (no colours; printable ASCII shorter than the console's width, which it does not wrap), it is written directly, because
    /// Spectre's markup parser and renderer are compiled on first use for this one line.
    /// </summary>
    private void WriteOk(string text)
    {
        var profile = console.Out.Profile;
        string line = "ok " + text;
        if (Uncoloured(profile) && line.Length < profile.Width && !line.AsSpan().ContainsAnyExceptInRange(' ', '~'))
        {
            profile.Out.Writer.WriteLine(line);
            return;
        }

        console.Out.MarkupLine($"[green]ok[/] {Markup.Escape(text)}");
    }

    /// <summary>
    /// Whether Spectre writes no colour: its colour system is off; or it writes no ANSI codes and the console is the
    /// process's redirected standard output, where the System.Console colours its writer sets instead write nothing
    /// (unless <c>DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION</c> asks for them): the usual case of a script or
    /// a pipe, whose terminal type still names a colour system.
    /// </summary>
    private static bool Uncoloured(Profile profile)
    {
        if (profile.Capabilities.ColorSystem == ColorSystem.NoColors)
        {
            return true;
        }

        return !profile.Capabilities.Ansi && ReferenceEquals(profile.Out.Writer, Console.Out) && Console.IsOutputRedirected
            && !(Environment.GetEnvironmentVariable("DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION") is { } allow
                && (allow == "1" || allow.Equals("true", StringComparison.OrdinalIgnoreCase)));
    }

    private static string? Count(int n, string noun) => n == 1 ? $"1 {noun}" : string.Create(CultureInfo.InvariantCulture, $"{n} {noun}s");
}
