namespace StemSimulator.Engine.VetoRecord;

/// <summary>One vetoed Security Council draft, a row of <c>unsc_vetoes/unsc_vetoes_1946_sept2022.csv</c>.</summary>
/// <param name="Date">Day of the Council vote.</param>
/// <param name="Draft">Draft symbol (for early years the meeting record), e.g. <c>S/2014/189</c>.</param>
/// <param name="AgendaItem">The Council's agenda item.</param>
/// <param name="Topic">The data set's crisis topic, e.g. <c>Ukraine</c>; it selects the subject keywords.</param>
/// <param name="VetoedBy">The vetoing permanent members as named in the data (USSR, Russia, China, France, UK, USA).</param>
internal sealed record VetoCast(DateOnly Date, string Draft, string AgendaItem, string Topic, IReadOnlyList<string> VetoedBy);
