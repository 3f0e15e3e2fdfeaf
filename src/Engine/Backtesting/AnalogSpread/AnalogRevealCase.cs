using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Model;

namespace StemSimulator.Engine.Backtesting;

/// <summary>
/// One roll call forecast from one analog with one member's recorded vote revealed (<see cref="AnalogSpreadStudy.Reveal"/>):
/// the other present members' recorded votes and their probabilities given, fixed and unknown, and the yes count's
/// central ranges three ways.
/// </summary>
/// <param name="Kind">The analog's kind.</param>
/// <param name="Year">The roll call's year.</param>
/// <param name="RollCall">The roll call's id.</param>
/// <param name="Member">The revealed member's ISO3 code.</param>
/// <param name="Actual">The recorded yes count (the revealed member's vote included).</param>
/// <param name="Vote">The revealed member's recorded vote.</param>
/// <param name="Recorded">The other present members' recorded votes.</param>
/// <param name="Given">Their P(no, abstain, yes | present) given the revealed vote.</param>
/// <param name="Unknown">The same not knowing it; also the fixed forecast, since an intervention moves nobody else.</param>
/// <param name="GivenRanges">The yes count's central ranges at <see cref="AnalogSpreadStudy.Levels"/>, trials weighed by the revealed vote's likelihood.</param>
/// <param name="FixedRanges">The same with the revealed member's vote set and the trials unweighed.</param>
/// <param name="UnknownRanges">The same with every member simulated.</param>
/// <param name="MeanLikelihood">Mean over the trials of the revealed vote's likelihood (a rejection sampler's acceptance rate), in [0, 1].</param>
/// <param name="EffectiveShare">Effective sample size of the weights over the trials, in (0, 1].</param>
public sealed record AnalogRevealCase(
    AnalogKind Kind,
    int Year,
    string RollCall,
    string Member,
    int Actual,
    OrdinalVote Vote,
    OrdinalVote[] Recorded,
    (double No, double Abstain, double Yes)[] Given,
    (double No, double Abstain, double Yes)[] Unknown,
    CountInterval[] GivenRanges,
    CountInterval[] FixedRanges,
    CountInterval[] UnknownRanges,
    double MeanLikelihood,
    double EffectiveShare);
