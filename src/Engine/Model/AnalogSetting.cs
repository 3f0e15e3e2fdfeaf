namespace StemSimulator.Engine.Model;

/// <summary>
/// Which value of the analog's uncertainty a compiled vote takes for its kind (<see cref="AnalogSpreads"/>): the
/// measured one, or either end of its plausible range. A run uses <see cref="Chosen"/>; the band over the assumptions
/// reruns the votes at <see cref="Low"/> and <see cref="High"/>. A spread set by hand is the same at every setting.
/// </summary>
public enum AnalogSetting
{
    /// <summary>The kind's measured value (the run's).</summary>
    Chosen = 0,

    /// <summary>The low end of the kind's plausible range.</summary>
    Low = 1,

    /// <summary>The high end of the kind's plausible range.</summary>
    High = 2,
}
