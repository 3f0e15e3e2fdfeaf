using System.CommandLine;
using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.Calibration;

/// <summary>The <c>stemsim calibrate</c> command: options and help.</summary>
internal sealed class CalibrateCommand(CalibrationService calibration) : ICliCommand
{
    public Command Build()
    {
        var data = new Option<string>("--data") { Description = "The shared UN data folder (../shared/data/un).", Required = true };
        var until = new Option<int?>("--until") { Description = "Last year to calibrate (1945 + session; default: the last year in the data)." };
        var output = new Option<string>("--out", "-o") { Description = "Positions table to write (.csv or .csv.gz); FILE_roll_calls and FILE_model.csv go beside it.", Required = true };
        var from = new Option<string?>("--from") { Description = "Update this calibration table (written by stemsim calibrate on the same data): keep its earlier years, fit only the years after it and the three before them." };
        var shockYears = new Option<int>("--shock-years") { Description = "Years of out-of-sample forecasts that size the global shock (one extra fit each; default 0: in sample)." };
        var threads = new Option<int?>("--threads") { Description = "Worker threads (default: all cores); results do not depend on it." };
        var force = new Option<bool>("--force") { Description = "Replace existing tables (never a folder, device or pipe)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing but errors." };
        var command = new Command("calibrate", """
            Calibrate member positions (per year, with issue offsets and absence rates) and roll-call parameters on the
            recorded General Assembly votes, and write the calibration tables.

            Example:
              stemsim calibrate --data ../shared/data/un --until 2021 --shock-years 3 --out src/Scenarios/ReferenceData/calibration.csv.gz --force

            Update a table fitted to 2019 with the votes of 2020-2021 (seconds instead of minutes):
              stemsim calibrate --from cal2019.csv.gz --data ../shared/data/un --until 2021 --out cal2021.csv.gz
            """)
        {
            data, from, until, output, shockYears, threads, force, quiet,
        };
        command.SetAction((parse, cancellationToken) => calibration.CalibrateAsync(
            new CalibrateRequest
            {
                DataDirectory = parse.GetValue(data)!,
                From = parse.GetValue(from),
                Until = parse.GetValue(until),
                OutputFile = parse.GetValue(output)!,
                ShockYears = parse.GetValue(shockYears),
                Threads = parse.GetValue(threads),
                Force = parse.GetValue(force),
                Quiet = parse.GetValue(quiet),
            },
            cancellationToken));
        return command;
    }
}
