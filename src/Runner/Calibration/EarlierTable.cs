using System.Globalization;
using System.IO.Compression;
using StemSimulator.Engine.Calibration;
using StemSimulator.Scenarios.Csv;

namespace StemSimulator.Runner.Calibration;

/// <summary>
/// A calibration table written by <c>stemsim calibrate</c> (<see cref="CalibrationTables"/>), read whole as the start
/// of <c>stemsim calibrate --from TABLE</c>: the model's years and position step, every unit-year's state, every roll
/// call's parameters and counts, and the rows themselves, so the years an update keeps are written back unchanged.
/// </summary>
internal sealed class EarlierTable
{
    private EarlierTable(EarlierCalibration calibration, string rollCallsFile, List<string[]> positionRows, List<(string[] Fields, int Line)> rollCallRows)
    {
        Calibration = calibration;
        RollCallsFile = rollCallsFile;
        PositionRows = positionRows;
        RollCallRows = rollCallRows;
    }

    /// <summary>The states and parameters, as the estimator takes them.</summary>
    public EarlierCalibration Calibration { get; }

    /// <summary>The roll-call table's path (for messages).</summary>
    public string RollCallsFile { get; }

    /// <summary>The positions rows (fields as written), in file order.</summary>
    public IReadOnlyList<string[]> PositionRows { get; }

    /// <summary>The roll-call rows (fields as written) with their line numbers, in file order.</summary>
    public IReadOnlyList<(string[] Fields, int Line)> RollCallRows { get; }

    /// <summary>
    /// Reads the three files of <paramref name="positionsPath"/>; throws <see cref="FileNotFoundException"/> when one
    /// is missing and <see cref="InvalidDataException"/> (with file and line) when one is not as
    /// <c>stemsim calibrate</c> writes it.
    /// </summary>
    public static EarlierTable Read(string positionsPath)
    {
        var (positionsFile, rollCallsFile, modelFile) = CalibrationTables.PathsFor(positionsPath);
        var (firstYear, lastYear, step) = ReadHeader(positionsPath);
        var (states, positionRows) = ReadStates(positionsFile, modelFile, firstYear, lastYear);
        var (rollCalls, rollCallRows) = ReadRollCalls(rollCallsFile, modelFile, firstYear, lastYear);
        var calibration = new EarlierCalibration(firstYear, lastYear, step, states, rollCalls);
        return new EarlierTable(calibration, rollCallsFile, positionRows, rollCallRows);
    }

    /// <summary>
    /// The first and last year of the table of <paramref name="positionsPath"/>, from its model file alone (what an
    /// update needs before the data are read); throws as <see cref="Read"/> does for a missing file or a model file
    /// that is not as <c>stemsim calibrate</c> writes it.
    /// </summary>
    public static (int FirstYear, int LastYear) ReadYears(string positionsPath)
    {
        var (firstYear, lastYear, _) = ReadHeader(positionsPath);
        return (firstYear, lastYear);
    }

    /// <summary>The years and position step of the model file, after checking that the three files are there.</summary>
    private static (int FirstYear, int LastYear, double Step) ReadHeader(string positionsPath)
    {
        var (positionsFile, rollCallsFile, modelFile) = CalibrationTables.PathsFor(positionsPath);
        foreach (var file in new[] { positionsFile, rollCallsFile, modelFile })
        {
            if (!File.Exists(file))
            {
                throw new FileNotFoundException($"'{file}' does not exist (--from needs the three tables stemsim calibrate writes: {Path.GetFileName(positionsFile)}, {Path.GetFileName(rollCallsFile)} and {Path.GetFileName(modelFile)})", file);
            }
        }

        var model = ReadModel(modelFile);
        int firstYear = Integer(model, "first_year", modelFile);
        int lastYear = Integer(model, "last_year", modelFile);
        double step = double.TryParse(Value(model, "position_step_sd", modelFile), NumberStyles.Float, CultureInfo.InvariantCulture, out double s) && s > 0 && double.IsFinite(s)
            ? s
            : throw new InvalidDataException($"{modelFile}: position_step_sd is not a number > 0");
        return lastYear < firstYear
            ? throw new InvalidDataException($"{modelFile}: last_year {lastYear} is before first_year {firstYear}")
            : (firstYear, lastYear, step);
    }

    /// <summary>Every unit-year's state of the positions table, and its rows as written.</summary>
    private static (Dictionary<(string, int), EarlierState> States, List<string[]> Rows) ReadStates(string positionsFile, string modelFile, int firstYear, int lastYear)
    {
        var states = new Dictionary<(string, int), EarlierState>();
        var positionRows = new List<string[]>();
        ReadRows(positionsFile, CalibrationTables.PositionsHeader, (fields, line) =>
        {
            int issues = IssueArea.All.Count;
            var numbers = new double[2 + issues + 1];
            bool ok = fields.Length == 4 + issues + 3
                && fields[0].Length > 0
                && int.TryParse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int year)
                && year >= firstYear && year <= lastYear
                && int.TryParse(fields[^2], NumberStyles.Integer, CultureInfo.InvariantCulture, out int votes) && votes >= 0;
            for (int i = 0; ok && i < numbers.Length; i++)
            {
                ok = double.TryParse(fields[2 + i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) && double.IsFinite(numbers[i]);
            }

            if (!ok)
            {
                throw new InvalidDataException($"{positionsFile}:{line}: not a positions row of stemsim calibrate for the years {firstYear}-{lastYear} of {Path.GetFileName(modelFile)}");
            }

            int y = int.Parse(fields[1], CultureInfo.InvariantCulture);
            var state = new double[1 + issues];
            state[0] = numbers[0];
            Array.Copy(numbers, 2, state, 1, issues);

            // Rates are written to 4 decimals, so a rare member's rate may read as 0.
            double absence = Math.Clamp(numbers[^1], 1e-4, 1 - 1e-4);
            var earlierState = new EarlierState(state, Math.Max(0, numbers[1]), absence, int.Parse(fields[^2], CultureInfo.InvariantCulture));
            if (!states.TryAdd((fields[0], y), earlierState))
            {
                throw new InvalidDataException($"{positionsFile}:{line}: {fields[0]} {y} appears twice");
            }

            positionRows.Add(fields);
        });

        return (states, positionRows);
    }

    /// <summary>Every roll call's parameters of the roll-call table, and its rows as written with their lines.</summary>
    private static (Dictionary<string, RollCallParameters> Parameters, List<(string[] Fields, int Line)> Rows) ReadRollCalls(string rollCallsFile, string modelFile, int firstYear, int lastYear)
    {
        var rollCalls = new Dictionary<string, RollCallParameters>(StringComparer.Ordinal);
        var rollCallRows = new List<(string[], int)>();
        ReadRows(rollCallsFile, CalibrationTables.RollCallsHeader, (fields, line) =>
        {
            var beta = new double[3];
            bool ok = fields.Length == 18
                && fields[0].Length > 0
                && int.TryParse(fields[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out int year)
                && year >= firstYear && year <= lastYear
                && Enumerable.Range(13, 4).All(i => int.TryParse(fields[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out int c) && c >= 0);
            for (int i = 0; ok && i < 3; i++)
            {
                ok = double.TryParse(fields[7 + i], NumberStyles.Float, CultureInfo.InvariantCulture, out beta[i]) && double.IsFinite(beta[i]);
            }

            if (!ok)
            {
                throw new InvalidDataException($"{rollCallsFile}:{line}: not a roll-call row of stemsim calibrate for the years {firstYear}-{lastYear} of {Path.GetFileName(modelFile)}");
            }

            if (!rollCalls.TryAdd(fields[0], new RollCallParameters(beta[0], beta[1], beta[2])))
            {
                throw new InvalidDataException($"{rollCallsFile}:{line}: roll call {fields[0]} appears twice");
            }

            rollCallRows.Add((fields, line));
        });

        return (rollCalls, rollCallRows);
    }

    /// <summary>The roll-call row's year.</summary>
    public static int YearOf(string[] rollCallRow) => int.Parse(rollCallRow[2], CultureInfo.InvariantCulture);

    /// <summary>The roll-call row's counts of yes, abstain, no and absent.</summary>
    public static (int Yes, int Abstain, int No, int Absent) CountsOf(string[] rollCallRow)
    {
        int At(int i) => int.Parse(rollCallRow[i], CultureInfo.InvariantCulture);
        return (At(13), At(14), At(15), At(16));
    }

    private static Dictionary<string, string> ReadModel(string modelFile)
    {
        var model = new Dictionary<string, string>(StringComparer.Ordinal);
        using var csv = new CsvRecordReader(modelFile);
        if (!csv.Read(out var headerProblem) || headerProblem is not null || string.Join(',', csv.Fields) != "key,value")
        {
            throw new InvalidDataException($"{modelFile}:1: expected the header key,value of a model table of stemsim calibrate");
        }

        while (csv.Read(out var problem))
        {
            if (problem is not null)
            {
                throw new InvalidDataException($"{modelFile}:{csv.ProblemLine}: {problem}");
            }

            if (csv.Fields is [{ Length: > 0 } key, var value])
            {
                model[key] = value;
            }
            else
            {
                throw new InvalidDataException($"{modelFile}:{csv.RecordLine}: expected key,value");
            }
        }

        return model;
    }

    private static string Value(Dictionary<string, string> model, string key, string modelFile) =>
        model.TryGetValue(key, out var value) ? value : throw new InvalidDataException($"{modelFile}: no '{key}' row");

    private static int Integer(Dictionary<string, string> model, string key, string modelFile) =>
        int.TryParse(Value(model, key, modelFile), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new InvalidDataException($"{modelFile}: {key} is not a year");

    /// <summary>Reads a (possibly gzip-compressed) table whose header must be <paramref name="header"/>.</summary>
    private static void ReadRows(string path, string header, Action<string[], int> row)
    {
        try
        {
            using var file = File.OpenRead(path);
            using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
            using var reader = new CsvRecordReader(new StreamReader(stream), path);
            if (!reader.Read(out var headerProblem) || headerProblem is not null || string.Join(',', reader.Fields) != header)
            {
                throw new InvalidDataException($"{path}:1: expected the header {header}");
            }

            while (reader.Read(out var problem))
            {
                if (problem is not null)
                {
                    throw new InvalidDataException($"{path}:{reader.ProblemLine}: {problem}");
                }

                row(reader.Fields.ToArray(), reader.RecordLine);
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException && e is not FileNotFoundException)
        {
            // A truncated or corrupt gzip stream surfaces as InvalidDataException or IOException without the file's name.
            throw e.Message.StartsWith(path, StringComparison.Ordinal) ? e : new InvalidDataException($"{path}: {e.Message}", e);
        }
    }
}
