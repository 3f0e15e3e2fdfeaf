using StemSimulator.Engine.Randomness;

namespace StemSimulator.Engine.Council;

/// <summary>
/// The Security Council's votes learned from its own record (adopted resolutions with each member's vote, and vetoed
/// drafts with who vetoed). All the model's mathematics is stated here.
/// <para><b>Data and weights.</b> Training drafts are those from <see cref="CouncilModelOptions.FirstYear"/> to the
/// training end year T. A draft of year y carries the weight w = 2^-((T - y) / h), h =
/// <see cref="CouncilModelOptions.HalfLifeYears"/>, so the record's recent practice counts most. Sums below are
/// weighted sums over training drafts.</para>
/// <para><b>Partners.</b> A state p is a close partner of permanent member m when p is concerned by at least one
/// training draft that m vetoed while m itself was not concerned (the states m's vetoes protected).</para>
/// <para><b>Veto.</b> For draft d, m is in the first class that applies: <i>self</i> (m concerned), <i>recent veto</i>
/// (m vetoed a draft concerning one of d's states at most <see cref="CouncilModelOptions.RecentVetoDays"/> days before
/// d's vote, <see cref="CouncilDraft.DaysSinceVeto"/>; only when that option is &gt; 0), <i>partner</i> (some partner
/// of m concerned), <i>other/country</i> (another state concerned) or <i>other/thematic</i> (none concerned); with
/// <see cref="CouncilModelOptions.SplitRoutine"/> each class is split again into routine texts (mandates, admissions)
/// and the rest. With
/// v = weighted vetoes and n = weighted drafts of the class, P(veto) = (v + s mu) / (n + s), the mean of the
/// Beta(s mu, s (1 - mu)) posterior, s = <see cref="CouncilModelOptions.PriorStrength"/>, mu the class's rate pooled
/// over the five members (itself shrunk by s toward the pooled rate of all drafts). In the partner class the rate is
/// per (m, p): v and n count drafts concerning p, weighted with the half-life
/// <see cref="CouncilModelOptions.PartnerHalfLifeYears"/> when it is set; when several partners are concerned the
/// largest P is used.
/// Standard errors are the posterior standard deviations.</para>
/// <para><b>Permanent members' other votes.</b> Given no veto, m abstains with the Beta-shrunk rate of its
/// abstentions on adopted drafts of the same class (pooled prior as above), else votes yes.</para>
/// <para><b>Elected members.</b> An ordered model per member e with its own cut-points: P(no) = Phi(tau1_e),
/// P(abstain) = Phi(tau2_e) - Phi(tau1_e), P(yes) = 1 - Phi(tau2_e), where Phi(tau1_e) and Phi(tau2_e) are e's
/// weighted shares of no and of no-or-abstain on adopted drafts of the draft's kind (country or thematic), shrunk with
/// strength <see cref="CouncilModelOptions.ElectedPriorStrength"/> toward all elected members' pooled shares of that
/// kind. Only adopted drafts carry elected votes, so these shares are those of drafts that passed.</para>
/// <para><b>Outcome.</b> Members vote independently given the draft. P(fails) = 1 - prod_m (1 - P(veto_m)) *
/// P(yes count &gt;= 9 | no veto); the yes count given no veto and the number of vetoes are Poisson-binomial
/// convolutions.</para>
/// </summary>
public sealed class CouncilRecordModel
{
    /// <summary>The permanent members' ISO3 codes, in the model's order.</summary>
    public static readonly IReadOnlyList<string> Permanent = ["CHN", "FRA", "RUS", "GBR", "USA"];

    // Base classes; with the routine split, class c + Base is class c on routine texts.
    private const int Base = 5;
    private const int Classes = 2 * Base;
    private const int Self = 0;
    private const int Recent = 1;
    private const int PartnerClass = 2;
    private const int OtherCountry = 3;
    private const int OtherThematic = 4;

    /// <summary>The options the model was fitted with.</summary>
    public CouncilModelOptions Options { get; }
    private readonly BetaRate[,] _veto = new BetaRate[5, Classes];
    private readonly BetaRate[,] _abstain = new BetaRate[5, Classes];
    private readonly Dictionary<string, BetaRate>[] _partnerVeto = new Dictionary<string, BetaRate>[5];
    private readonly Dictionary<(string Member, bool Country), (BetaRate No, BetaRate NoOrAbstain)> _elected = [];
    private readonly (BetaRate No, BetaRate NoOrAbstain)[] _electedPooled = new (BetaRate, BetaRate)[2];

    private CouncilRecordModel(CouncilModelOptions options) => Options = options;

    /// <summary>Each permanent member's partners (states its training vetoes protected), in <see cref="Permanent"/> order.</summary>
    public IReadOnlyList<IReadOnlySet<string>> Partners { get; private set; } = [];

    /// <summary>
    /// P(veto) of permanent member <paramref name="member"/> (index in <see cref="Permanent"/>) in class 0 self,
    /// 1 recent veto, 2 partner (pooled), 3 other country, 4 thematic; 5-9 the same for routine texts when they are split.
    /// </summary>
    public BetaRate VetoRate(int member, int cls) => _veto[member, cls];

    /// <summary>P(veto) of <paramref name="member"/> on drafts concerning its partner <paramref name="partner"/>, or null when not a partner.</summary>
    public BetaRate? PartnerRate(int member, string partner) => _partnerVeto[member].TryGetValue(partner, out var r) ? r : null;

    /// <summary>Like <see cref="PartnerRate(int, string)"/> for routine texts when they are split.</summary>
    public BetaRate? RoutinePartnerRate(int member, string partner) => _partnerVeto[member].TryGetValue(PartnerKey(partner, Base), out var r) ? r : null;

    /// <summary>Fits the model on <paramref name="training"/> drafts of years up to <paramref name="trainEnd"/>; later drafts are ignored.</summary>
    public static CouncilRecordModel Fit(IEnumerable<CouncilDraft> training, int trainEnd, CouncilModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        var o = options ?? new CouncilModelOptions();
        var drafts = training.Where(d => d.Year >= o.FirstYear && d.Year <= trainEnd).ToList();
        double Weight(CouncilDraft d) => Math.Pow(2, -(trainEnd - d.Year) / o.HalfLifeYears);
        double PartnerWeight(CouncilDraft d) => o.PartnerHalfLifeYears > 0 ? Math.Pow(2, -(trainEnd - d.Year) / o.PartnerHalfLifeYears) : Weight(d);
        var model = new CouncilRecordModel(o);
        var partners = Permanent.Select(m => (IReadOnlySet<string>)drafts
            .Where(d => d.Vetoers.Contains(m) && !d.Concerns.Contains(m))
            .SelectMany(d => d.Concerns).Where(c => c != m).ToHashSet(StringComparer.Ordinal)).ToArray();
        model.Partners = partners;
        var counts = model.CountPermanent(drafts, partners, Weight, PartnerWeight);
        model.SetPermanentRates(counts);
        model.FitElected(drafts, Weight);
        return model;
    }

    /// <summary>The permanent members' weighted counts of vetoes and abstentions per class, and of vetoes per partner.</summary>
    private sealed class PermanentCounts
    {
        public double[,] Vetoes { get; } = new double[5, Classes];

        public double[,] Trials { get; } = new double[5, Classes];

        public double[,] Abstentions { get; } = new double[5, Classes];

        public double[,] AbstentionTrials { get; } = new double[5, Classes];

        public Dictionary<string, (double V, double N)>[] Partner { get; } = Enumerable.Range(0, 5).Select(_ => new Dictionary<string, (double V, double N)>(StringComparer.Ordinal)).ToArray();

        public double AllVetoes { get; set; }

        public double AllTrials { get; set; }
    }

    private PermanentCounts CountPermanent(List<CouncilDraft> drafts, IReadOnlySet<string>[] partners, Func<CouncilDraft, double> weight, Func<CouncilDraft, double> partnerWeight)
    {
        var counts = new PermanentCounts();
        foreach (var d in drafts)
        {
            double w = weight(d);
            for (int m = 0; m < 5; m++)
            {
                int cls = ClassOf(m, d, partners[m]);
                bool vetoed = d.Vetoers.Contains(Permanent[m]);
                counts.Vetoes[m, cls] += vetoed ? w : 0;
                counts.Trials[m, cls] += w;
                counts.AllVetoes += vetoed ? w : 0;
                counts.AllTrials += w;
                if (cls % Base == PartnerClass)
                {
                    double pw = partnerWeight(d);
                    foreach (var p in d.Concerns.Where(partners[m].Contains).Select(p => PartnerKey(p, cls)))
                    {
                        var (v, n) = counts.Partner[m].GetValueOrDefault(p);
                        counts.Partner[m][p] = (v + (vetoed ? pw : 0), n + pw);
                    }
                }

                if (d.Votes is not null && d.Votes.TryGetValue(Permanent[m], out char vote) && vote != 'X')
                {
                    counts.Abstentions[m, cls] += vote == 'A' ? w : 0;
                    counts.AbstentionTrials[m, cls] += w;
                }
            }
        }

        return counts;
    }

    /// <summary>
    /// Each permanent member's veto and abstention rate per class, shrunk towards the five members' pooled rate of the
    /// class; partner rates towards the member's partner class.
    /// </summary>
    private void SetPermanentRates(PermanentCounts counts)
    {
        double s = Options.PriorStrength;
        double overall = (counts.AllVetoes + 0.5) / (counts.AllTrials + 1);
        for (int c = 0; c < Classes; c++)
        {
            double pooledV = 0, pooledN = 0, pooledA = 0, pooledAN = 0;
            for (int m = 0; m < 5; m++)
            {
                pooledV += counts.Vetoes[m, c];
                pooledN += counts.Trials[m, c];
                pooledA += counts.Abstentions[m, c];
                pooledAN += counts.AbstentionTrials[m, c];
            }

            double mu = new BetaRate(pooledV, pooledN, overall, s).Mean;
            double muA = new BetaRate(pooledA, pooledAN, 0.05, s).Mean;
            for (int m = 0; m < 5; m++)
            {
                _veto[m, c] = new BetaRate(counts.Vetoes[m, c], counts.Trials[m, c], mu, s);
                _abstain[m, c] = new BetaRate(counts.Abstentions[m, c], counts.AbstentionTrials[m, c], muA, s);
            }
        }

        for (int m = 0; m < 5; m++)
        {
            var rates = _veto;
            _partnerVeto[m] = counts.Partner[m].ToDictionary(
                kv => kv.Key,
                kv => new BetaRate(kv.Value.V, kv.Value.N, rates[m, kv.Key.EndsWith("/routine", StringComparison.Ordinal) ? PartnerClass + Base : PartnerClass].Prior, s),
                StringComparer.Ordinal);
        }
    }

    /// <summary>Elected members: weighted shares of no and no-or-abstain on adopted drafts, by kind (country or thematic).</summary>
    private void FitElected(List<CouncilDraft> drafts, Func<CouncilDraft, double> weight)
    {
        var counts = new Dictionary<(string, bool), (double No, double NoA, double N)>();
        var pooled = new (double No, double NoA, double N)[2];
        foreach (var d in drafts.Where(d => d.Votes is not null))
        {
            double w = weight(d);
            bool country = d.Concerns.Count > 0;
            foreach (var e in d.Elected)
            {
                if (!d.Votes!.TryGetValue(e, out char vote) || vote == 'X')
                {
                    continue;
                }

                double no = vote == 'N' ? w : 0, noA = vote is 'N' or 'A' ? w : 0;
                var c = counts.GetValueOrDefault((e, country));
                counts[(e, country)] = (c.No + no, c.NoA + noA, c.N + w);
                var p = pooled[country ? 1 : 0];
                pooled[country ? 1 : 0] = (p.No + no, p.NoA + noA, p.N + w);
            }
        }

        for (int k = 0; k < 2; k++)
        {
            _electedPooled[k] = (new BetaRate(pooled[k].No, pooled[k].N, 0.01, 1), new BetaRate(pooled[k].NoA, pooled[k].N, 0.05, 1));
        }

        foreach (var ((e, country), c) in counts)
        {
            var prior = _electedPooled[country ? 1 : 0];
            _elected[(e, country)] = (new BetaRate(c.No, c.N, prior.No.Mean, Options.ElectedPriorStrength), new BetaRate(c.NoA, c.N, prior.NoOrAbstain.Mean, Options.ElectedPriorStrength));
        }
    }

    /// <summary>
    /// The ordered-model cut-points (tau1, tau2) of elected member <paramref name="member"/> on drafts of the given
    /// kind (the pooled ones for a member without training votes).
    /// </summary>
    public (double Tau1, double Tau2) ElectedCutpoints(string member, bool country)
    {
        var (no, noA) = ElectedRates(member, country);
        return (StandardNormal.InverseCdf(no), StandardNormal.InverseCdf(noA));
    }

    /// <summary>Forecasts <paramref name="draft"/> (its outcome fields are ignored).</summary>
    public CouncilForecast Predict(CouncilDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var veto = new double[5];
        var yesGivenNoVeto = new List<double>();
        for (int m = 0; m < 5; m++)
        {
            int cls = ClassOf(m, draft, Partners[m]);
            veto[m] = cls % Base == PartnerClass
                ? draft.Concerns.Where(Partners[m].Contains).Max(p => _partnerVeto[m].TryGetValue(PartnerKey(p, cls), out var r) ? r.Mean : _veto[m, cls].Prior)
                : _veto[m, cls].Mean;
            yesGivenNoVeto.Add(1 - _abstain[m, cls].Mean);
        }

        bool country = draft.Concerns.Count > 0;
        foreach (var e in draft.Elected)
        {
            var (_, noA) = ElectedRates(e, country);
            yesGivenNoVeto.Add(1 - noA);
        }

        var yes = PoissonBinomial(yesGivenNoVeto);
        var vetoCount = PoissonBinomial(veto);
        double pass = vetoCount[0] * yes.Skip(9).Sum();
        return new CouncilForecast(veto, Math.Clamp(1 - pass, 0, 1), yes, vetoCount);
    }

    /// <summary>P(k successes), k = 0..n, of independent trials with the given probabilities.</summary>
    public static double[] PoissonBinomial(IReadOnlyList<double> p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var dist = new double[p.Count + 1];
        dist[0] = 1;
        for (int i = 0; i < p.Count; i++)
        {
            for (int k = i + 1; k >= 1; k--)
            {
                dist[k] = (dist[k] * (1 - p[i])) + (dist[k - 1] * p[i]);
            }

            dist[0] *= 1 - p[i];
        }

        return dist;
    }

    private (double No, double NoOrAbstain) ElectedRates(string member, bool country)
    {
        var (no, noA) = _elected.TryGetValue((member, country), out var r) ? r : _electedPooled[country ? 1 : 0];
        return (no.Mean, Math.Max(no.Mean, noA.Mean));
    }

    private int ClassOf(int m, CouncilDraft draft, IReadOnlySet<string> partners) =>
        (Options.SplitRoutine && draft.Routine ? Base : 0) + BaseClass(m, draft, partners);

    private int BaseClass(int m, CouncilDraft draft, IReadOnlySet<string> partners) =>
        draft.Concerns.Contains(Permanent[m]) ? Self
        : Options.RecentVetoDays > 0 && draft.DaysSinceVeto.TryGetValue(Permanent[m], out int days) && days <= Options.RecentVetoDays ? Recent
        : draft.Concerns.Any(partners.Contains) ? PartnerClass
        : draft.Concerns.Count > 0 ? OtherCountry
        : OtherThematic;

    private static string PartnerKey(string partner, int cls) => cls >= Base ? partner + "/routine" : partner;
}
