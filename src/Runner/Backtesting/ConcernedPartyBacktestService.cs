using System.Globalization;
using Spectre.Console;
using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.ConcernedParty;
using StemSimulator.Engine.Rules;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Runner.Backtesting;

/// <summary>
/// <c>stemsim backtest --concerned-party</c>: fits the concerned-party effect (<see cref="ConcernedPartyEstimator"/>)
/// on the labelled resolution roll calls of the training years and scores it on the test years, on the record read
/// by <see cref="Calibration.UnVotingDataLoader"/>; the base model is the embedded calibration (positions of the roll
/// call's year plus its issue offsets, the roll call's beta and cut-points). Both closeness measures are fitted; the
/// one with the lower training log loss is scored. Prints a table; writes nothing.
/// </summary>
internal sealed class ConcernedPartyBacktestService(ConsoleStreams console)
{
    public async Task<int> RunAsync(string dataDirectory, int trainFrom, int trainUntil, int testFrom, int testTo, CancellationToken cancellationToken)
    {
        string? problem = (trainFrom, trainUntil, testFrom, testTo) switch
        {
            _ when !Directory.Exists(dataDirectory) => $"the data folder '{dataDirectory}' does not exist (expected ../shared/data/un)",
            _ when trainFrom > trainUntil => $"--train-from {trainFrom} is after --train-until {trainUntil}",
            _ when testFrom > testTo => $"--test-from {testFrom} is after --test-to {testTo}",
            _ when trainUntil >= testFrom => $"--train-until {trainUntil} must be before --test-from {testFrom}: the effect may not see the test years",
            _ => null,
        };
        if (problem is not null)
        {
            console.Error.WriteLine($"error: {problem}");
            return ExitCodes.InvalidInput;
        }

        if (await Calibration.DataFolderInput.LoadAsync(dataDirectory, console.Error, cancellationToken).ConfigureAwait(false) is not { } data)
        {
            return ExitCodes.InvalidInput;
        }

        var cases = Cases(data, ReferenceCatalog.Embedded, RollCallConcerns.Embedded);
        var training = cases.Where(c => c.Year >= trainFrom && c.Year <= trainUntil).ToArray();
        var test = cases.Where(c => c.Year >= testFrom && c.Year <= testTo).ToArray();
        if (training.Length == 0 || test.Length == 0)
        {
            console.Error.WriteLine($"error: no labelled resolution roll calls in {(training.Length == 0 ? $"{trainFrom}-{trainUntil}" : $"{testFrom}-{testTo}")}");
            return ExitCodes.InvalidInput;
        }

        var estimator = new ConcernedPartyEstimator(new AgreementRates(data));
        var fits = new[] { PartnerCloseness.Agreement, PartnerCloseness.PositionDistance }.Select(c => estimator.Fit(training, c)).ToArray();
        var chosen = fits.MinBy(f => f.TrainingLogLoss)!;
        var score = estimator.Score(chosen.Effect, test);
        console.Out.WriteLine(Table(fits, chosen, score, trainFrom, trainUntil, testFrom, testTo));
        return ExitCodes.Success;
    }

    /// <summary>The labelled resolution roll calls in the record, with each present member's vote and base-model mean.</summary>
    internal static List<ConcernedPartyCase> Cases(UnVotingData data, ReferenceCatalog catalog, IReadOnlyDictionary<string, string[]> concerns)
    {
        var index = data.RollCalls.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var records = new List<int>[data.RollCalls.Count];
        for (int k = 0; k < data.RecordRollCall.Length; k++)
        {
            (records[data.RecordRollCall[k]] ??= []).Add(k);
        }

        var cases = new List<ConcernedPartyCase>();
        foreach (var (id, states) in concerns.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var analog = catalog.RollCalls.Find(id, out _);
            if (analog is null || analog.Id != id || analog.Kind != "resolution" || !index.TryGetValue(id, out int r) || records[r] is null || states.Length == 0)
            {
                continue;
            }

            var votes = new List<ConcernedPartyVote>();
            foreach (int k in records[r])
            {
                int choice = data.RecordChoice[k] switch
                {
                    VoteChoice.No => 0,
                    VoteChoice.Abstain => 1,
                    VoteChoice.Yes => 2,
                    VoteChoice.Absent => -1,
                    var other => throw new InvalidDataException($"unknown vote choice {other}"),
                };
                string code = data.Units[data.RecordUnit[k]];
                if (choice < 0 || catalog.Calibration.Find(code, analog.Year) is not { } position)
                {
                    continue;
                }

                votes.Add(new ConcernedPartyVote(code, choice, analog.Beta * position.PositionFor(analog.IssueMask), position.Theta, states.Contains(code, StringComparer.Ordinal)));
            }

            cases.Add(new ConcernedPartyCase(id, r, analog.Year, states[0], analog.Tau1, analog.Tau2, catalog.Calibration.Find(states[0], analog.Year)?.Theta, votes));
        }

        return cases;
    }

    private static string Table(ConcernedPartyFit[] fits, ConcernedPartyFit chosen, ConcernedPartyScore score, int trainFrom, int trainUntil, int testFrom, int testTo)
    {
        var c = CultureInfo.InvariantCulture;
        var e = chosen.Effect;
        var lines = new List<string>
        {
            string.Create(c, $"Concerned-party effect, fitted on {trainFrom}-{trainUntil} ({chosen.RollCalls} labelled resolution roll calls), scored on {testFrom}-{testTo} ({score.RollCalls})"),
            string.Create(c, $"  concerned state's vote (n = {chosen.ConcernedVotes}): P(no) {e.PNo:F4} (se {chosen.PNoStandardError:F4}), P(abstain) {e.PAbstain:F4} (se {chosen.PAbstainStandardError:F4}), P(yes) {e.PYes:F4} (se {chosen.PYesStandardError:F4})"),
        };
        foreach (var fit in fits)
        {
            var f = fit.Effect;
            lines.Add(string.Create(c, $"  partners' shift gamma0 + gamma1 * {f.Closeness.Name()}: gamma0 {f.Gamma0:F4} (se {f.Gamma0StandardError:F4}), gamma1 {f.Gamma1:F4} (se {f.Gamma1StandardError:F4}), cov {fit.GammaCovariance:F6}; training log loss {fit.TrainingLogLoss:F5} on {fit.PartnerVotes:N0} votes{(fit == chosen ? "  <- chosen" : string.Empty)}"));
        }

        lines.Add(string.Empty);
        lines.Add(string.Create(c, $"| metric ({testFrom}-{testTo}) | without the effect | with the effect |"));
        lines.Add("|---|---|---|");
        lines.Add(string.Create(c, $"| concerned state's vote predicted right | {score.ConcernedHitsWithout} / {score.ConcernedVotes} = {score.ConcernedHitsWithout / (double)score.ConcernedVotes:F4} | {score.ConcernedHits} / {score.ConcernedVotes} = {score.ConcernedHits / (double)score.ConcernedVotes:F4} |"));
        lines.Add(string.Create(c, $"| log loss per vote, all members ({score.Votes:N0} votes) | {score.LogLossWithout:F5} | {score.LogLossWith:F5} |"));
        lines.Add(string.Empty);
        lines.Add("By state (with the effect): " + string.Join(", ", score.ByState.Select(s => string.Create(c, $"{s.Key} {s.Value.Hits}/{s.Value.Votes}"))));
        return string.Join(Environment.NewLine, lines);
    }
}
