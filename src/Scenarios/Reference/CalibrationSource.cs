namespace StemSimulator.Scenarios.Reference;

/// <summary>
/// A calibration table a user made with <c>stemsim calibrate --out FILE</c>, used by a scenario instead of the
/// embedded one.
/// </summary>
/// <param name="Path">The positions file, full path.</param>
/// <param name="Sha256">Hex SHA-256 of the positions file's bytes.</param>
/// <param name="Origin">Where it was named: <c>scenario</c> (the scenario's <c>calibration: FILE</c>) or
/// <c>--calibration</c> (the command line).</param>
/// <param name="FirstYear">First calibrated year of the table.</param>
/// <param name="LastYear">Last calibrated year of the table.</param>
public sealed record CalibrationSource(string Path, string Sha256, string Origin, int FirstYear, int LastYear)
{
    /// <summary>The positions line of the provenance (<c>stemsim.positions</c>).</summary>
    public string Describe() =>
        $"calibration table {Path} (sha256 {Sha256}; {FirstYear}-{LastYear}; named by {(Origin == "scenario" ? "the scenario's 'calibration: FILE'" : "--calibration")})";
}
