namespace StemSimulator.Scenarios.Reference;

/// <summary>
/// The three files of a calibration table written by <c>stemsim calibrate --out FILE</c>: <c>FILE</c> (positions),
/// <c>FILE_roll_calls</c> (same extension) and <c>FILE_model.csv</c>.
/// </summary>
public static class CalibrationFiles
{
    /// <summary>The positions, roll-call and model paths of the table named <paramref name="positionsPath"/>
    /// (".csv" is added when it has neither ".csv" nor ".csv.gz").</summary>
    public static (string Positions, string RollCalls, string Model) PathsFor(string positionsPath)
    {
        string full = Path.GetFullPath(positionsPath);
        string folder = Path.GetDirectoryName(full) ?? ".";
        string name = Path.GetFileName(full);
        string extension = name.EndsWith(".csv.gz", StringComparison.OrdinalIgnoreCase) ? ".csv.gz"
            : name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ".csv"
            : string.Empty;
        string stem = name[..(name.Length - extension.Length)];
        if (extension.Length == 0)
        {
            extension = ".csv";
            full += extension;
        }

        return (full, Path.Combine(folder, stem + "_roll_calls" + extension), Path.Combine(folder, stem + "_model.csv"));
    }
}
