namespace StemSimulator.Engine.Council;

/// <summary>
/// Scores of one model's Council forecasts against the record. Log losses clip probabilities to
/// [<see cref="Epsilon"/>, 1 - <see cref="Epsilon"/>] so a 0/1 rule has a finite score. ECE: ten equal-width bins of
/// the forecast probability, the drafts-weighted mean of |mean forecast - observed frequency|. Coverage: the share of
/// drafts whose count lies in the central 90% interval of the forecast distribution (lower = smallest k with
/// CDF &gt;= 0.05, upper = smallest k with CDF &gt;= 0.95).
/// </summary>
public sealed class CouncilScores
{
    /// <summary>Clipping of probabilities in the log losses.</summary>
    public const double Epsilon = 1e-3;

    private readonly List<(double P, bool Y)> _fail = [];
    private readonly List<(double P, bool Y)>[] _veto = Enumerable.Range(0, 5).Select(_ => new List<(double, bool)>()).ToArray();
    private readonly List<bool> _vetoerHit = [];
    private readonly List<double> _passedAnyVeto = [];
    private readonly List<double> _passedMemberVeto = [];
    private readonly List<bool> _yesCovered = [];
    private readonly List<bool> _vetoCountCovered = [];

    /// <summary>Adds a draft: the forecast and what happened (<paramref name="actualYes"/> known for adopted drafts).</summary>
    public void Add(CouncilPrediction p, IReadOnlyList<string> vetoers, int? actualYes)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(vetoers);
        bool failed = vetoers.Count > 0;
        _fail.Add((p.Fail, failed));
        for (int m = 0; m < 5; m++)
        {
            bool vetoed = vetoers.Contains(CouncilRecordModel.Permanent[m]);
            _veto[m].Add((p.Veto[m], vetoed));
            if (vetoed)
            {
                _vetoerHit.Add(p.Veto[m] >= 0.5);
            }
        }

        if (!failed)
        {
            _passedAnyVeto.Add(1 - p.Veto.Aggregate(1.0, (a, v) => a * (1 - v)));
            _passedMemberVeto.Add(p.Veto.Average());
        }

        if (p.YesCount is not null && actualYes is { } yes)
        {
            _yesCovered.Add(Covers(p.YesCount, yes));
        }

        if (p.VetoCount is not null)
        {
            _vetoCountCovered.Add(Covers(p.VetoCount, vetoers.Count));
        }
    }

    /// <summary>Drafts scored.</summary>
    public int Drafts => _fail.Count;

    /// <summary>Brier score of "fails".</summary>
    public double FailBrier => Brier(_fail);

    /// <summary>Log loss of "fails".</summary>
    public double FailLogLoss => LogLoss(_fail);

    /// <summary>ECE of "fails".</summary>
    public double FailEce => Ece(_fail);

    /// <summary>Brier of "vetoed by m" for member index m, or pooled over the five when m is null.</summary>
    public double VetoBrier(int? m) => Brier(m is { } i ? _veto[i] : _veto.SelectMany(v => v).ToList());

    /// <summary>Log loss of "vetoed by m", or pooled when m is null.</summary>
    public double VetoLogLoss(int? m) => LogLoss(m is { } i ? _veto[i] : _veto.SelectMany(v => v).ToList());

    /// <summary>ECE of "vetoed by m" pooled over the five members.</summary>
    public double VetoEce => Ece(_veto.SelectMany(v => v).ToList());

    /// <summary>Share of (vetoed draft, member that vetoed it) with P(veto) &gt;= 0.5; NaN without vetoes.</summary>
    public double VetoerHitRate => _vetoerHit.Count == 0 ? double.NaN : _vetoerHit.Average(h => h ? 1.0 : 0.0);

    /// <summary>Vetoes cast (a draft vetoed by two members counts twice).</summary>
    public int VetoesCast => _vetoerHit.Count;

    /// <summary>Mean P(at least one veto) over drafts that passed.</summary>
    public double PassedMeanAnyVeto => _passedAnyVeto.Count == 0 ? double.NaN : _passedAnyVeto.Average();

    /// <summary>Mean over drafts that passed of the five members' mean P(veto).</summary>
    public double PassedMeanMemberVeto => _passedMemberVeto.Count == 0 ? double.NaN : _passedMemberVeto.Average();

    /// <summary>90% coverage of the yes count on adopted drafts; NaN when the model gives no count.</summary>
    public double YesCountCoverage => _yesCovered.Count == 0 ? double.NaN : _yesCovered.Average(c => c ? 1.0 : 0.0);

    /// <summary>90% coverage of the number of vetoes; NaN when the model gives no count.</summary>
    public double VetoCountCoverage => _vetoCountCovered.Count == 0 ? double.NaN : _vetoCountCovered.Average(c => c ? 1.0 : 0.0);

    /// <summary>Whether <paramref name="actual"/> lies in the central 90% interval of <paramref name="distribution"/>.</summary>
    public static bool Covers(IReadOnlyList<double> distribution, int actual)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        int lower = -1, upper = distribution.Count - 1;
        double cdf = 0;
        for (int k = 0; k < distribution.Count; k++)
        {
            cdf += distribution[k];
            if (lower < 0 && cdf >= 0.05 - 1e-12)
            {
                lower = k;
            }

            if (cdf >= 0.95 - 1e-12)
            {
                upper = k;
                break;
            }
        }

        return actual >= lower && actual <= upper;
    }

    private static double Brier(List<(double P, bool Y)> xs) => xs.Average(x => (x.P - (x.Y ? 1 : 0)) * (x.P - (x.Y ? 1 : 0)));

    private static double LogLoss(List<(double P, bool Y)> xs) => xs.Average(x =>
    {
        double p = Math.Clamp(x.P, Epsilon, 1 - Epsilon);
        return -Math.Log(x.Y ? p : 1 - p);
    });

    private static double Ece(List<(double P, bool Y)> xs)
    {
        double total = 0;
        foreach (var bin in xs.GroupBy(x => Math.Min(9, (int)(x.P * 10))))
        {
            total += bin.Count() * Math.Abs(bin.Average(x => x.P) - bin.Average(x => x.Y ? 1.0 : 0.0));
        }

        return total / xs.Count;
    }
}
