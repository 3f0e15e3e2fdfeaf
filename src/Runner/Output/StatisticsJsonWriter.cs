using System.Globalization;
using System.Text.Json;
using StemSimulator.Engine.Drift;
using StemSimulator.Engine.Elections;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Simulation;

namespace StemSimulator.Runner.Output;

/// <summary>
/// Writes <c>statistics.json</c> with <see cref="Utf8JsonWriter"/> directly: the same text, byte for byte, as the
/// reflection-based serializer of <see cref="StatisticsFile"/> (which still reads the file), whose property order,
/// snake_case names, omissions and number formats it repeats; the tests compare the two on every kind of state.
/// </summary>
/// <remarks>
/// Why by hand: this code is in the runner's assembly, so the ReadyToRun image holds it precompiled, where the
/// serializer's converters and property accessors over these types are generic code the JIT compiled on every run
/// (bench/README.md, "Cold start, fourth round"). A property added to one of these records must be added here too.
/// </remarks>
internal static class StatisticsJsonWriter
{
    /// <summary>Writes <paramref name="statistics"/> as one JSON object (no indentation) and flushes the writer.</summary>
    public static void Write(Utf8JsonWriter writer, RunStatistics statistics)
    {
        writer.WriteStartObject();
        writer.WriteString("scenario", statistics.Scenario);
        writer.WriteString("scenario_sha256", statistics.ScenarioSha256);
        writer.WriteNumber("seed", statistics.Seed);
        writer.WriteNumber("trials", statistics.Trials);
        writer.WriteNumber("shard_count", statistics.ShardCount);
        writer.WritePropertyName("shards");
        WriteInts(writer, statistics.Shards);
        writer.WriteString("engine_version", statistics.EngineVersion);
        writer.WritePropertyName("votes");
        WriteList(writer, statistics.Votes, WriteVote);
        if (statistics.Elections is { } elections)
        {
            writer.WritePropertyName("elections");
            WriteList(writer, elections, WriteElection);
        }

        if (statistics.Drift is { } drift)
        {
            writer.WritePropertyName("drift");
            WriteList(writer, drift, WriteDrift);
        }

        if (statistics.Band is { } band)
        {
            writer.WritePropertyName("band");
            WriteList(writer, band, WriteBand);
        }

        writer.WriteEndObject();
        writer.Flush();
    }

    private static void WriteVote(Utf8JsonWriter writer, VoteStatisticsState vote)
    {
        writer.WriteStartObject();
        writer.WriteString("variant", vote.Variant);
        writer.WritePropertyName("vote");
        WriteDescription(writer, vote.Vote);
        writer.WriteNumber("trials", vote.Trials);
        writer.WriteNumber("adopted_count", vote.AdoptedCount);
        WriteInt128(writer, "exact_sum", vote.ExactSum);
        WriteInt128(writer, "exact_sum_of_squares", vote.ExactSumOfSquares);
        writer.WriteNumber("veto_count", vote.VetoCount);
        writer.WriteNumber("veto_decisive_count", vote.VetoDecisiveCount);
        WriteLongs(writer, "veto_count_by_member", vote.VetoCountByMember);
        WriteLongs(writer, "yes_histogram", vote.YesHistogram);
        WriteLongs(writer, "no_histogram", vote.NoHistogram);
        WriteLongs(writer, "abstain_histogram", vote.AbstainHistogram);
        WriteLongs(writer, "absent_histogram", vote.AbsentHistogram);
        WriteLongs(writer, "member_counts", vote.MemberCounts);
        writer.WriteNumber("held_count", vote.HeldCount);
        WriteLongs(writer, "path_counts", vote.PathCounts);
        writer.WriteNumber("debate_count", vote.DebateCount);
        WriteLongs(writer, "debate_day_counts", vote.DebateDayCounts);
        writer.WriteBoolean("has_paired_difference", vote.HasPairedDifference);
        WriteInt128(writer, "paired_squares", vote.PairedSquares);
        WriteInt128(writer, "paired_baseline_sum", vote.PairedBaselineSum);
        WriteLongs(writer, "margin_histogram", vote.MarginHistogram);
        if (vote.GivenDraws != 0)
        {
            // Only a conditioned vote's draws are written (StatisticsFile's OmitUnconditioned).
            writer.WriteNumber("given_draws", vote.GivenDraws);
        }

        WriteLongs(writer, "adopted_margin_histogram", vote.AdoptedMarginHistogram);
        writer.WriteEndObject();
    }

    private static void WriteDescription(Utf8JsonWriter writer, VoteDescription? vote)
    {
        if (vote is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("id", vote.Id);
        WriteEnum(writer, "body", vote.Body);
        writer.WriteString("date", vote.Date.ToString("O", CultureInfo.InvariantCulture));
        WriteEnum(writer, "majority", vote.Majority);
        WriteEnum(writer, "decision", vote.Decision);
        WriteEnum(writer, "estimator", vote.Estimator);
        WriteStrings(writer, "codes", vote.Codes);
        WriteStrings(writer, "paths", vote.Paths);
        writer.WritePropertyName("triggers");
        WriteList(writer, vote.Triggers, static (w, trigger) =>
        {
            w.WriteStartObject();
            w.WriteString("vote_id", trigger.VoteId);
            WriteEnum(w, "outcome", trigger.Outcome);
            w.WriteEndObject();
        });
        writer.WriteNumber("quota", vote.Quota);
        if (vote.Given is { Count: > 0 } given)
        {
            // Only a conditioned vote's announced votes are written (StatisticsFile's OmitUnconditioned).
            writer.WritePropertyName("given");
            WriteList(writer, given, static (w, announced) =>
            {
                w.WriteStartObject();
                w.WriteString("code", announced.Code);
                WriteEnum(w, "choice", announced.Choice);
                w.WriteEndObject();
            });
        }

        writer.WriteNumber("count", vote.Count);
        writer.WriteString("rule_name", vote.RuleName);
        writer.WriteEndObject();
    }

    private static void WriteElection(Utf8JsonWriter writer, ElectionTallyState election)
    {
        writer.WriteStartObject();
        writer.WriteString("variant", election.Variant);
        writer.WriteString("election_id", election.ElectionId);
        writer.WriteNumber("trials", election.Trials);
        writer.WritePropertyName("counts");
        WriteList(writer, election.Counts, static (w, counts) => WriteLongs(w, counts));
        writer.WriteNumber("seat_groups", election.SeatGroups);
        writer.WriteEndObject();
    }

    private static void WriteDrift(Utf8JsonWriter writer, DriftStatisticsState drift)
    {
        writer.WriteStartObject();
        writer.WriteString("variant", drift.Variant);
        writer.WriteNumber("from_year", drift.FromYear);
        writer.WriteNumber("years", drift.Years);
        writer.WriteNumber("members", drift.Members);
        WriteStrings(writer, "centre_labels", drift.CentreLabels);
        WriteStrings(writer, "bloc_labels", drift.BlocLabels);
        writer.WriteNumber("adoption_votes", drift.AdoptionVotes);
        writer.WriteNumber("trials", drift.Trials);
        WriteLongs(writer, "member_counts", drift.MemberCounts);
        WriteLongs(writer, "centre_counts", drift.CentreCounts);
        WriteLongs(writer, "with_majority", drift.WithMajority);
        WriteLongs(writer, "present", drift.Present);
        WriteLongs(writer, "counted", drift.Counted);
        WriteLongs(writer, "agreements", drift.Agreements);
        WriteLongs(writer, "comparisons", drift.Comparisons);
        WriteLongs(writer, "adoption_counts", drift.AdoptionCounts);
        WriteLongs(writer, "adoption_held", drift.AdoptionHeld);
        writer.WriteEndObject();
    }

    private static void WriteBand(Utf8JsonWriter writer, AssumptionBandState band)
    {
        writer.WriteStartObject();
        WriteEnum(writer, "setting", band.Setting);
        writer.WriteNumber("band_trials", band.BandTrials);
        writer.WritePropertyName("votes");
        WriteList(writer, band.Votes, static (w, counts) =>
        {
            w.WriteStartObject();
            w.WriteString("variant", counts.Variant);
            w.WriteString("vote_id", counts.VoteId);
            w.WriteBoolean("exact", counts.Exact);
            w.WriteNumber("trials", counts.Trials);
            w.WriteNumber("held_count", counts.HeldCount);
            w.WriteNumber("adopted_count", counts.AdoptedCount);
            WriteInt128(w, "exact_sum", counts.ExactSum);
            w.WriteNumber("spread", counts.Spread);
            w.WriteNumber("run_spread", counts.RunSpread);
            w.WriteEndObject();
        });
        if (band.SameAsRun)
        {
            // [JsonIgnore(WhenWritingDefault)]: written only when true.
            writer.WriteBoolean("same_as_run", true);
        }

        writer.WriteEndObject();
    }

    /// <summary>A list, or null; <paramref name="item"/> writes one element.</summary>
    private static void WriteList<T>(Utf8JsonWriter writer, IReadOnlyList<T>? items, Action<Utf8JsonWriter, T> item)
    {
        if (items is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartArray();
        for (int i = 0; i < items.Count; i++)
        {
            item(writer, items[i]);
        }

        writer.WriteEndArray();
    }

    private static void WriteLongs(Utf8JsonWriter writer, string name, long[]? values)
    {
        writer.WritePropertyName(name);
        WriteLongs(writer, values);
    }

    private static void WriteLongs(Utf8JsonWriter writer, long[]? values) =>
        WriteList(writer, values, static (w, value) => w.WriteNumberValue(value));

    private static void WriteInts(Utf8JsonWriter writer, IReadOnlyList<int>? values) =>
        WriteList(writer, values, static (w, value) => w.WriteNumberValue(value));

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string>? values)
    {
        writer.WritePropertyName(name);
        WriteList(writer, values, static (w, value) => w.WriteStringValue(value));
    }

    /// <summary>A raw 128-bit fixed-point sum as a JSON number, as the serializer's Int128 converter writes it.</summary>
    private static void WriteInt128(Utf8JsonWriter writer, string name, Int128 value)
    {
        writer.WritePropertyName(name);
        writer.WriteRawValue(value.ToString(CultureInfo.InvariantCulture), skipInputValidation: true);
    }

    /// <summary>
    /// An enum value by its snake_case name (the serializer's <c>JsonStringEnumConverter</c> with
    /// <see cref="JsonNamingPolicy.SnakeCaseLower"/>); a value without a name is a bug, not a number to write.
    /// </summary>
    private static void WriteEnum(Utf8JsonWriter writer, string name, Enum value)
    {
        if (!Enum.IsDefined(value.GetType(), value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"{value.GetType().Name} has no value {value}.");
        }

        writer.WriteString(name, JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString()));
    }
}
