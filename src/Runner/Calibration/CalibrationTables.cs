using System.Globalization;
using System.IO.Compression;
using System.Text;
using StemSimulator.Engine.Calibration;
using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.Calibration;

/// <summary>
/// Writes a calibration as CSV tables (gzip-compressed when the file name ends in <c>.gz</c>), all three whole or
/// none (written beside their targets, then renamed together):
/// <list type="bullet">
/// <item><c>FILE</c>: positions, one row per unit and year (<see cref="PositionsHeader"/>);</item>
/// <item><c>FILE</c> with <c>_roll_calls</c> before the extension: per roll call (beta, tau_1, tau_2), standard errors,
/// counts and title (<see cref="RollCallsHeader"/>);</item>
/// <item><c>FILE</c> with <c>_model.csv</c> instead of the extension: <c>key,value</c> rows saying how the table was
/// made (command line, date, data, priors, fit statistics, shock sizes, agreement with Bailey-Strezhnev-Voeten).</item>
/// </list>
/// Numbers are rounded to 4 decimals, so the files are small and identical from run to run.
/// </summary>
internal static class CalibrationTables
{
    public static readonly string PositionsHeader =
        "iso3,year,theta,theta_se," + string.Join(',', IssueArea.All.Select(a => "offset_" + a.Name)) + ",absence_rate,votes,records";

    public const string RollCallsHeader = "roll_call,session,year,date,symbol,kind,issues,beta,tau1,tau2,beta_se,tau1_se,tau2_se,yes,abstain,no,absent,title";

    /// <summary>The three file names for <paramref name="positionsPath"/>.</summary>
    public static (string Positions, string RollCalls, string Model) PathsFor(string positionsPath) =>
        StemSimulator.Scenarios.Reference.CalibrationFiles.PathsFor(positionsPath);

    /// <summary>
    /// Writes the tables of <paramref name="run"/>; with <paramref name="kept"/> (an incremental update) the rows of the
    /// earlier table for the years before <c>run.FirstYear</c> come first, written back as they were.
    /// </summary>
    public static void Write(string positionsPath, CalibrationRun run, IReadOnlyList<(string Key, string Value)> model, EarlierTable? kept = null)
    {
        using var writing = Start(positionsPath, run, kept);
        writing.Finish(model);
    }

    /// <summary>
    /// Starts writing the positions and roll-call tables of <paramref name="run"/> beside their targets, one core each
    /// (as <see cref="Write"/> does); <see cref="TableWriting.Finish"/> adds the model table and puts all three in place.
    /// They do not depend on the shock sizes, so they can be compressed while the shocks are matched.
    /// </summary>
    public static TableWriting Start(string positionsPath, CalibrationRun run, EarlierTable? kept = null)
    {
        var (positions, rollCalls, model) = PathsFor(positionsPath);
        return new TableWriting(
            [(positions, writer => WritePositions(writer, run, kept)), (rollCalls, writer => WriteRollCalls(writer, run, kept))],
            (model, rows => writer => WriteModel(writer, rows)),
            WriteFile);
    }

    private static void WriteModel(TextWriter writer, IReadOnlyList<(string Key, string Value)> model)
    {
        writer.Write("key,value\n");
        foreach (var (key, value) in model)
        {
            writer.Write(Csv(key));
            writer.Write(',');
            writer.Write(Csv(value));
            writer.Write('\n');
        }
    }

    /// <summary>
    /// Checks, before the long fit, that the tables can be written where asked: an error message if not.
    /// </summary>
    public static string? CheckWritable(string positionsPath, bool force)
    {
        var (positions, rollCalls, model) = PathsFor(positionsPath);
        string? parent = Path.GetDirectoryName(Path.GetFullPath(positions));
        if (parent is not null && Directory.Exists(parent))
        {
            foreach (string table in new[] { positions, rollCalls, model })
            {
                if (SingleFileOutput.Check(table, force) is { } refused)
                {
                    return refused;
                }
            }
        }

        string folder = Path.GetDirectoryName(positions)!;
        string probe = TemporaryPath(positions);
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot write the calibration tables into '{folder}': {e.Message}";
        }
    }

    /// <summary>Where <paramref name="path"/> is written before it is renamed into place.</summary>
    internal static string TemporaryPath(string path) => path + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    private static void WritePositions(TextWriter writer, CalibrationRun run, EarlierTable? kept)
    {
        var result = run.Result;
        writer.Write(PositionsHeader);
        writer.Write('\n');
        var keptRows = (kept?.PositionRows ?? [])
            .Where(f => int.Parse(f[1], CultureInfo.InvariantCulture) < run.FirstYear)
            .ToLookup(f => f[0], StringComparer.Ordinal);
        var units = Enumerable.Range(0, run.Data.Units.Count).OrderBy(u => run.Data.Units[u], StringComparer.Ordinal);
        foreach (int u in units)
        {
            foreach (var row in keptRows[run.Data.Units[u]])
            {
                writer.Write(string.Join(',', RescaledPosition(row, run.Rescaling)));
                writer.Write('\n');
            }

            var (first, count) = result.YearsOf(u);
            for (int t = first; t < first + count; t++)
            {
                var e = result.Estimate(u, t);
                writer.Write(run.Data.Units[u]);
                writer.Write(',');
                writer.Write(Int(run.FirstYear + t));
                writer.Write(',');
                writer.Write(Number(e.Theta));
                writer.Write(',');
                writer.Write(Number(Math.Max(e.ThetaSe, 1e-4)));
                foreach (double offset in e.Offsets)
                {
                    writer.Write(',');
                    writer.Write(Number(offset));
                }

                writer.Write(',');
                writer.Write(Number(e.AbsenceRate));
                writer.Write(',');
                writer.Write(Int(e.Votes));
                writer.Write(',');
                writer.Write(Int(e.Records));
                writer.Write('\n');
            }
        }
    }

    private static void WriteRollCalls(TextWriter writer, CalibrationRun run, EarlierTable? kept)
    {
        writer.Write(RollCallsHeader);
        writer.Write('\n');
        foreach (var (row, _) in kept?.RollCallRows ?? [])
        {
            if (EarlierTable.YearOf(row) < run.FirstYear)
            {
                writer.Write(string.Join(',', RescaledRollCall(row, run.Rescaling).Select(Csv)));
                writer.Write('\n');
            }
        }

        var counts = run.Counts();
        for (int r = 0; r < run.Data.RollCalls.Count; r++)
        {
            int local = run.RollCallMap[r];
            if (local < 0)
            {
                continue;
            }

            var rc = run.Data.RollCalls[r];
            var p = run.Result.RollCalls[local];
            var se = run.Result.RollCallStandardErrors[local];
            var c = counts[local];
            string kind = rc.Amendment ? "amendment" : rc.Paragraph ? "paragraph" : "resolution";
            writer.Write(string.Join(',',
                rc.Id,
                Int(rc.Session),
                Int(rc.Year),
                rc.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Csv(rc.Symbol),
                kind,
                IssueArea.Names(rc.Issues),
                Number(p.Beta),
                Number(p.Tau1),
                Number(p.Tau2),
                Number(se.Beta),
                Number(se.Tau1),
                Number(se.Tau2),
                Int(c.Yes),
                Int(c.Abstain),
                Int(c.No),
                Int(c.Absent),
                Csv(rc.Title)));
            writer.Write('\n');
        }
    }

    /// <summary>A kept positions row on the update's scale (<see cref="CalibrationRun.Rescaling"/>): theta, its standard error and the offsets.</summary>
    private static string[] RescaledPosition(string[] row, (double Mean, double Sd) map)
    {
        var result = (string[])row.Clone();
        result[2] = Number((Parse(row[2]) - map.Mean) / map.Sd);
        result[3] = Number(Math.Max(Parse(row[3]) / map.Sd, 1e-4));
        for (int k = 0; k < IssueArea.All.Count; k++)
        {
            result[4 + k] = Number(Parse(row[4 + k]) / map.Sd);
        }

        return result;
    }

    /// <summary>A kept roll-call row on the update's scale: beta and its standard error times Sd, tau - beta * Mean.</summary>
    private static string[] RescaledRollCall(string[] row, (double Mean, double Sd) map)
    {
        var result = (string[])row.Clone();
        double beta = Parse(row[7]);
        result[7] = Number(beta * map.Sd);
        result[8] = Number(Parse(row[8]) - (beta * map.Mean));
        result[9] = Number(Parse(row[9]) - (beta * map.Mean));
        if (row[10].Length > 0)
        {
            result[10] = Number(Parse(row[10]) * map.Sd);
        }

        return result;
    }

    private static double Parse(string value) => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static void WriteFile(string temporary, string path, Action<TextWriter> write)
    {
        TemporaryOutputs.Register(temporary);
        using var file = File.Create(temporary);
        Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionLevel.SmallestSize, leaveOpen: true)
            : file;
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
        {
            write(writer);
        }

        if (stream != file)
        {
            stream.Dispose();
        }
    }

    public static string Number(double value) =>
        double.IsFinite(value) ? Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture) : string.Empty;

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
