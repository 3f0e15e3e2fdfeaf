using System.Globalization;
using System.IO.Compression;
using StemSimulator.Scenarios.Csv;

namespace StemSimulator.Runner.Calibration;

/// <summary>
/// Reads back the positions and the model summary of a table written by <c>stemsim calibrate</c>
/// (<see cref="CalibrationTables"/>): per unit and year theta and its standard error, and the <c>key,value</c> rows of
/// <c>FILE_model.csv</c> (first and last year, the random-walk step).
/// </summary>
internal sealed class CalibrationTableReader
{
    private CalibrationTableReader(Dictionary<(string Code, int Year), (double Theta, double Se)> positions, Dictionary<string, string> model)
    {
        Positions = positions;
        Model = model;
    }

    /// <summary>theta and its standard error per (ISO3, year).</summary>
    public IReadOnlyDictionary<(string Code, int Year), (double Theta, double Se)> Positions { get; }

    /// <summary>The model summary as written.</summary>
    public IReadOnlyDictionary<string, string> Model { get; }

    /// <summary>First calibrated year (<c>first_year</c>).</summary>
    public int FirstYear => int.Parse(Model["first_year"], CultureInfo.InvariantCulture);

    /// <summary>Last calibrated year (<c>last_year</c>).</summary>
    public int LastYear => int.Parse(Model["last_year"], CultureInfo.InvariantCulture);

    /// <summary>The fitted random-walk step of positions (<c>position_step_sd</c>).</summary>
    public double PositionStepSd => double.Parse(Model["position_step_sd"], CultureInfo.InvariantCulture);

    /// <summary>The units in the table.</summary>
    public IEnumerable<string> Units => Positions.Keys.Select(k => k.Code).Distinct(StringComparer.Ordinal);

    /// <summary>Reads the table at <paramref name="positionsPath"/> and its model file; throws <see cref="InvalidDataException"/> on a malformed file.</summary>
    public static CalibrationTableReader Read(string positionsPath)
    {
        var (positionsFile, _, modelFile) = CalibrationTables.PathsFor(positionsPath);
        if (!File.Exists(positionsFile) || !File.Exists(modelFile))
        {
            throw new FileNotFoundException($"'{positionsFile}' and '{modelFile}' (written by stemsim calibrate) are needed.", positionsFile);
        }

        var model = ReadModel(modelFile);
        return new CalibrationTableReader(ReadPositions(positionsFile), model);
    }

    /// <summary>The <c>key,value</c> rows of the model table; it must hold the first and last year and the step.</summary>
    private static Dictionary<string, string> ReadModel(string modelFile)
    {
        var model = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var csv = new CsvRecordReader(modelFile))
        {
            bool header = true;
            while (csv.Read(out var problem))
            {
                if (problem is not null)
                {
                    throw new InvalidDataException($"{modelFile}:{csv.ProblemLine}: {problem}");
                }

                if (!header && csv.Fields is [{ Length: > 0 } key, var value, ..])
                {
                    model[key] = value;
                }

                header = false;
            }
        }

        foreach (var key in new[] { "first_year", "last_year", "position_step_sd" })
        {
            if (!model.ContainsKey(key))
            {
                throw new InvalidDataException($"{modelFile}: no '{key}' row");
            }
        }

        return model;
    }

    /// <summary>theta and its standard error per (ISO3, year) of a (possibly gzip-compressed) positions table.</summary>
    private static Dictionary<(string, int), (double, double)> ReadPositions(string positionsFile)
    {
        var positions = new Dictionary<(string, int), (double, double)>();
        using var file = File.OpenRead(positionsFile);
        using Stream stream = positionsFile.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new CsvRecordReader(new StreamReader(stream), positionsFile);
        if (!reader.Read(out _) || !string.Join(',', reader.Fields).StartsWith("iso3,year,theta,theta_se,", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{positionsFile}: not a positions table of stemsim calibrate");
        }

        while (reader.Read(out var problem))
        {
            var fields = reader.Fields;
            if (problem is not null
                || fields.Count < 4
                || !int.TryParse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int year)
                || !double.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double theta)
                || !double.TryParse(fields[3], NumberStyles.Float, CultureInfo.InvariantCulture, out double se))
            {
                throw new InvalidDataException($"{positionsFile}:{reader.RecordLine}: malformed row{(problem is null ? string.Empty : $" ({problem})")}");
            }

            positions[(fields[0], year)] = (theta, se);
        }

        return positions;
    }
}
