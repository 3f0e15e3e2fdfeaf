using System.CommandLine;
using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.DriftBacktesting;

/// <summary>The <c>stemsim drift-backtest</c> command: options and help.</summary>
internal sealed class DriftBacktestCommand(DriftBacktestService service) : ICliCommand
{
    public Command Build()
    {
        var data = new Option<string?>("--data") { Description = "The shared UN data folder (../shared/data/un), calibrated up to --from." };
        var calibration = new Option<string?>("--calibration") { Description = "Instead of --data: a positions table written by 'stemsim calibrate --until FROM' (its _model.csv beside it)." };
        var from = new Option<int>("--from") { Description = "Origin: calibrate on the roll calls up to this year and simulate from it (default 2009).", DefaultValueFactory = _ => 2009 };
        var to = new Option<int>("--to") { Description = "Last simulated year, at most the embedded calibration's last year (default 2019).", DefaultValueFactory = _ => 2019 };
        var fitFrom = new Option<int>("--fit-from") { Description = "Start of the in-sample years on which attraction strengths are fitted (default 2000).", DefaultValueFactory = _ => 2000 };
        var alignFrom = new Option<int>("--align-from") { Description = "First year of the member-years, up to --from, on which the calibration's scale is mapped onto the embedded one (default 2000).", DefaultValueFactory = _ => 2000 };
        var trials = new Option<int>("--trials") { Description = "Trials per simulation (default 2000).", DefaultValueFactory = _ => 2000 };
        var seed = new Option<ulong>("--seed") { Description = "Seed (default 1).", DefaultValueFactory = _ => 1 };
        var threads = new Option<int?>("--threads") { Description = "Worker threads (default: all cores); results do not depend on it." };
        var output = new Option<string?>("--out", "-o") { Description = "Output folder for drift_backtest.parquet (default: print only)." };
        var force = new Option<bool>("--force") { Description = "Replace the output folder if it exists." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing but errors." };
        var command = new Command("drift-backtest", """
            Backtest of the multi-year drift model (docs/drift.md): calibrate on the roll calls up to --from, simulate the
            members' positions from --from to --to with the calibrated volatilities (a random walk) and with bloc
            attraction, and score them against the positions the embedded calibration gives for those years (mapped onto
            one scale on --align-from to --from, with the realized positions' standard errors): coverage of the 80% and
            95% intervals, mean squared error, log score and CRPS, per horizon and overall. Attraction strengths are
            fitted on --fit-from to --from; the volatility scales that would make coverage right are reported.

            Example:
              stemsim drift-backtest --data ../shared/data/un --from 2009 --to 2019 --trials 2000 --out runs/drift-backtest
              stemsim calibrate --data ../shared/data/un --until 2009 --out runs/calibration-2009.csv.gz
              stemsim drift-backtest --calibration runs/calibration-2009.csv.gz --out runs/drift-backtest --force
            """)
        {
            data, calibration, from, to, fitFrom, alignFrom, trials, seed, threads, output, force, quiet,
        };
        command.SetAction((parse, cancellationToken) => service.RunAsync(
            new DriftBacktestRequest
            {
                DataDirectory = parse.GetValue(data),
                CalibrationFile = parse.GetValue(calibration),
                From = parse.GetValue(from),
                To = parse.GetValue(to),
                FitFrom = parse.GetValue(fitFrom),
                AlignFrom = parse.GetValue(alignFrom),
                Trials = parse.GetValue(trials),
                Seed = parse.GetValue(seed),
                Threads = parse.GetValue(threads),
                OutputFolder = parse.GetValue(output),
                Force = parse.GetValue(force),
                Quiet = parse.GetValue(quiet),
            },
            cancellationToken));
        return command;
    }
}
