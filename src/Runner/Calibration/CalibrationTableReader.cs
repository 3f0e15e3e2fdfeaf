using System.Globalization;
using System.IO.Compression;

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

        var model = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(modelFile).Skip(1))
        {
            int comma = line.IndexOf(',', StringComparison.Ordinal);
            if (comma > 0)
            {
                model[line[..comma]] = line[(comma + 1)..].Trim('"');
            }
        }

        foreach (var key in new[] { "first_year", "last_year", "position_step_sd" })
        {
            if (!model.ContainsKey(key))
            {
                throw new InvalidDataException($"{modelFile}: no '{key}' row");
            }
        }

        var positions = new Dictionary<(string, int), (double, double)>();
        using var file = File.OpenRead(positionsFile);
        using Stream stream = positionsFile.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        string? header = reader.ReadLine();
        if (header is null || !header.StartsWith("iso3,year,theta,theta_se,", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{positionsFile}: not a positions table of stemsim calibrate");
        }

        int lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var fields = line.Split(',');
            if (fields.Length < 4
                || !int.TryParse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int year)
                || !double.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double theta)
                || !double.TryParse(fields[3], NumberStyles.Float, CultureInfo.InvariantCulture, out double se))
            {
                throw new InvalidDataException($"{positionsFile}:{lineNumber}: malformed row");
            }

            positions[(fields[0], year)] = (theta, se);
        }

        return new CalibrationTableReader(positions, model);
    }
}
