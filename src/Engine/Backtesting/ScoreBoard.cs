using StemSimulator.Engine.Calibration;

namespace StemSimulator.Engine.Backtesting;

/// <summary>
/// Collects the backtest's scores per protocol, model and test year (and over all test years): the vote-level
/// metrics of <see cref="ForecastMetrics"/> and the resolution-level ones, <c>coverage80</c> and <c>coverage95</c>
/// (the share of recorded yes, no and abstain counts inside the forecast's central 80% and 95% ranges, averaged over
/// the three counts of every roll call; <c>coverage80_yes</c> etc. per count) and <c>adoption_brier</c>
/// ((P(adopted) - adopted)^2, adopted meaning yes &gt; no). Where a model's hard classes were decided with
/// <see cref="DecisionWeights"/>, the plain-argmax figures follow as <c>accuracy_argmax</c>, <c>macro_f1_argmax</c> etc.
/// </summary>
public sealed class ScoreBoard
{
    private static readonly string[] CountNames = ["yes", "no", "abstain"];

    private readonly Dictionary<(string Protocol, string Model, int? Year), ForecastMetrics> _votes = [];
    private readonly Dictionary<(string Protocol, string Model, int? Year), RollCallTally> _rollCalls = [];
    private readonly List<(string Protocol, string Model, string Metric, double Value, int? Year)> _extra = [];

    /// <summary>Adds one vote forecast; <paramref name="weights"/> (default the plain argmax) decide its hard class.</summary>
    public void AddVote(string protocol, string model, int year, double pNo, double pAbstain, double pYes, OrdinalVote actual, DecisionWeights? weights = null)
    {
        foreach (int? y in new int?[] { year, null })
        {
            if (!_votes.TryGetValue((protocol, model, y), out var metrics))
            {
                _votes[(protocol, model, y)] = metrics = new ForecastMetrics();
            }

            metrics.Add(pNo, pAbstain, pYes, actual, weights);
        }
    }

    /// <summary>
    /// Adds one roll call's resolution-level outcome: whether the yes, no and abstain counts fell in the 80% and 95%
    /// ranges, P(adopted) and whether it was adopted.
    /// </summary>
    public void AddRollCall(string protocol, string model, int year, bool[] covered80, bool[] covered95, double pAdopted, bool adopted)
    {
        foreach (int? y in new int?[] { year, null })
        {
            if (!_rollCalls.TryGetValue((protocol, model, y), out var tally))
            {
                _rollCalls[(protocol, model, y)] = tally = new RollCallTally();
            }

            tally.Add(covered80, covered95, pAdopted, adopted);
        }
    }

    /// <summary>Adds a row that is not a score (a fitted parameter, an agreement figure).</summary>
    public void AddValue(string protocol, string model, string metric, double value, int? year) => _extra.Add((protocol, model, metric, value, year));

    /// <summary>The vote-level metrics of one protocol, model and year (null: all years), or null.</summary>
    public ForecastMetrics? Votes(string protocol, string model, int? year) => _votes.GetValueOrDefault((protocol, model, year));

    /// <summary>All rows: protocol, model, metric, value and test year (null over all test years).</summary>
    public IReadOnlyList<(string Protocol, string Model, string Metric, double Value, int? Year)> Rows()
    {
        var rows = new List<(string, string, string, double, int?)>();
        var keys = _votes.Keys.Union(_rollCalls.Keys)
            .OrderBy(k => k.Protocol, StringComparer.Ordinal)
            .ThenBy(k => ModelOrder(k.Model))
            .ThenBy(k => k.Year ?? int.MaxValue);
        foreach (var key in keys)
        {
            if (_votes.TryGetValue(key, out var metrics))
            {
                rows.AddRange(metrics.All().Select(m => (key.Protocol, key.Model, m.Metric, m.Value, key.Year)));
                if (metrics.Weighted)
                {
                    rows.AddRange(metrics.ArgmaxMetrics().Select(m => (key.Protocol, key.Model, m.Metric, m.Value, key.Year)));
                }
                rows.Add((key.Protocol, key.Model, "votes", metrics.Count, key.Year));
            }

            if (_rollCalls.TryGetValue(key, out var tally))
            {
                rows.Add((key.Protocol, key.Model, "coverage80", tally.Coverage(tally.Covered80), key.Year));
                rows.Add((key.Protocol, key.Model, "coverage95", tally.Coverage(tally.Covered95), key.Year));
                for (int c = 0; c < 3; c++)
                {
                    rows.Add((key.Protocol, key.Model, $"coverage80_{CountNames[c]}", (double)tally.Covered80[c] / tally.RollCalls, key.Year));
                    rows.Add((key.Protocol, key.Model, $"coverage95_{CountNames[c]}", (double)tally.Covered95[c] / tally.RollCalls, key.Year));
                }

                rows.Add((key.Protocol, key.Model, "adoption_brier", tally.AdoptionBrier / tally.RollCalls, key.Year));
                rows.Add((key.Protocol, key.Model, "roll_calls", tally.RollCalls, key.Year));
            }
        }

        rows.AddRange(_extra);
        return rows;
    }

    /// <summary>Models in the order the tables show them.</summary>
    public static int ModelOrder(string model) => model switch
    {
        "stemsim" => 0,
        "stemsim_analog" => 1,
        "always_yes" => 2,
        "persistence" => 3,
        "bloc_majority" => 4,
        "bsv_1d" => 5,
        "given" => 6,
        "fixed" => 7,
        "unknown" => 8,
        _ => 9,
    };

    private sealed class RollCallTally
    {
        public long[] Covered80 { get; } = new long[3];

        public long[] Covered95 { get; } = new long[3];

        public long RollCalls { get; private set; }

        public double AdoptionBrier { get; private set; }

        public void Add(bool[] covered80, bool[] covered95, double pAdopted, bool adopted)
        {
            for (int c = 0; c < 3; c++)
            {
                Covered80[c] += covered80[c] ? 1 : 0;
                Covered95[c] += covered95[c] ? 1 : 0;
            }

            double d = pAdopted - (adopted ? 1 : 0);
            AdoptionBrier += d * d;
            RollCalls++;
        }

        public double Coverage(long[] covered) => (double)covered.Sum() / (3 * RollCalls);
    }
}
