namespace StemSimulator.Scenarios;

/// <summary>Values given on the command line that replace the scenario's own.</summary>
public sealed record RunOverrides
{
    /// <summary>Number of trials, or null to keep the scenario's.</summary>
    public long? Trials { get; init; }

    /// <summary>Seed, or null to keep the scenario's.</summary>
    public ulong? Seed { get; init; }

    /// <summary>The positions file of a calibration table (<c>stemsim calibrate --out FILE</c>) to use instead of the
    /// scenario's calibration, or null to keep the scenario's.</summary>
    public string? CalibrationFile { get; init; }

    /// <summary>
    /// Which value of each analog's measured uncertainty the votes take: the kind's own (<see cref="Engine.Model.AnalogSetting.Chosen"/>,
    /// what a run uses) or an end of its plausible range (the band over the assumptions). A spread set by hand is kept.
    /// </summary>
    public Engine.Model.AnalogSetting AnalogSetting { get; init; }

    /// <summary>
    /// Whether the scenario comes from somewhere files must not be read for it (the what-if server): a calibration
    /// table named in it is then an error at its line instead of a file read.
    /// </summary>
    public bool ReadsNoFiles { get; init; }
}
