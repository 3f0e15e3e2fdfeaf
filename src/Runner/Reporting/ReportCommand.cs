using System.CommandLine;
using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.Reporting;

/// <summary>The <c>stemsim report</c> command: options, help and examples.</summary>
internal sealed class ReportCommand(ReportService reports)
{
    public Command Build()
    {
        var folder = new Argument<string>("run-dir") { Description = "The folder 'stemsim run' (or 'stemsim merge') wrote, e.g. runs/ga-hrc-suspension-2026." };
        var output = new Option<string?>("--out", "-o") { Description = "The briefing file (default: RUN_DIR/briefing.html, or briefing.md with --format md)." };
        var format = new Option<ReportFormat?>("--format", "-f") { Description = "html (one self-contained file) or md (Markdown, charts as PNG files beside it); default: from --out's extension, else html." };
        var scenario = new Option<string?>("--scenario") { Description = "The scenario file, when it is no longer where the run recorded it (used only if its SHA-256 matches the run's)." };
        var power = new Option<string?>("--power") { Description = "A power.parquet of 'stemsim power' to add a voting-power chart (default: one in RUN_DIR, if any)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing but errors." };
        var command = new Command("report", """
            Write a briefing of a run: headline sentences with ranges in plain language, the sources of uncertainty kept
            apart (Monte Carlo error, member positions and shocks, the choice of analog vote), charts (yes-count
            distribution with the threshold, P(adopted) per variant, who decides it, vetoes, chains, elections, voting
            power) and the provenance (scenario hash, seed, trials, engine version, git commit, data vintage).

            Examples:
              stemsim report runs/ga-hrc-suspension-2026
              stemsim report runs/sc-veto-chain-2026 --out briefing.md
              stemsim report runs/hrc-weog-2026 --format html --out ~/notes/hrc.html
              stemsim report runs/sc-g4-reform-2026 --power runs/power/power.parquet
            """)
        {
            folder, output, format, scenario, power, quiet,
        };
        command.SetAction((parse, cancellationToken) => reports.ReportAsync(
            new ReportRequest
            {
                RunFolder = parse.GetValue(folder)!,
                OutputFile = parse.GetValue(output),
                Format = parse.GetValue(format),
                ScenarioFile = parse.GetValue(scenario),
                PowerFile = parse.GetValue(power),
                Quiet = parse.GetValue(quiet),
            },
            cancellationToken));
        return command;
    }
}
