namespace StemSimulator.Engine.Council;

/// <summary>One model's forecast of one draft, as scored by <see cref="CouncilScores"/>.</summary>
/// <param name="Fail">P(the draft fails), in [0, 1].</param>
/// <param name="Veto">P(veto) per permanent member in <see cref="CouncilRecordModel.Permanent"/> order.</param>
/// <param name="YesCount">P(k yes votes | no veto), k = 0..members, or null when the model gives no count.</param>
/// <param name="VetoCount">P(k vetoes), k = 0..5, or null when the model gives no count.</param>
public sealed record CouncilPrediction(double Fail, IReadOnlyList<double> Veto, IReadOnlyList<double>? YesCount, IReadOnlyList<double>? VetoCount);
