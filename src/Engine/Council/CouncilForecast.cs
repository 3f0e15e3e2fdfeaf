namespace StemSimulator.Engine.Council;

/// <summary>The Council record model's forecast of one draft.</summary>
/// <param name="VetoProbability">P(veto) of each permanent member, in <see cref="CouncilRecordModel.Permanent"/> order, each in [0, 1].</param>
/// <param name="FailProbability">P(the draft fails): a veto, or fewer than nine votes in favour, in [0, 1].</param>
/// <param name="YesCount">P(k members vote yes | no veto), k = 0..members, summing to 1.</param>
/// <param name="VetoCount">P(k permanent members veto), k = 0..5, summing to 1.</param>
public sealed record CouncilForecast(IReadOnlyList<double> VetoProbability, double FailProbability, IReadOnlyList<double> YesCount, IReadOnlyList<double> VetoCount)
{
    /// <summary>P(at least one veto).</summary>
    public double AnyVeto => 1 - VetoCount[0];
}
