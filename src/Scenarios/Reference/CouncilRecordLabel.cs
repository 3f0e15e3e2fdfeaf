namespace StemSimulator.Scenarios.Reference;

/// <summary>
/// One Security Council record (an adopted resolution or a vetoed draft) with the states it concerns, from
/// <c>ReferenceData/sc_record_concerns.csv</c> (made by <c>tools/refdata/make_sc_record_concerns.py</c>).
/// </summary>
/// <param name="RecordId">UN Digital Library record id of an adopted resolution, or the draft symbol of a vetoed draft.</param>
/// <param name="Symbol">"S/RES/2254(2015)" or the vetoed draft's symbol ("S/2012/77").</param>
/// <param name="Date">Date of the vote.</param>
/// <param name="Vetoed">True for a vetoed draft, false for an adopted resolution.</param>
/// <param name="Concerns">ISO3 codes of the states the text concerns (PSE for the State of Palestine); empty for thematic texts.</param>
/// <param name="Topic">admission, mandate, sanctions, situation or thematic for resolutions; the veto data's crisis topic for vetoed drafts.</param>
/// <param name="Vetoers">ISO3 codes of the permanent members that vetoed (RUS for the USSR); empty for adopted resolutions.</param>
public sealed record CouncilRecordLabel(string RecordId, string Symbol, DateOnly Date, bool Vetoed, IReadOnlyList<string> Concerns, string Topic, IReadOnlyList<string> Vetoers);
