using Parquet.Schema;
using Parquet;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Rules;
using StemSimulator.Engine.Simulation;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Runner.Output;
using StemSimulator.Scenarios;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Output;

public sealed class ParquetTrialSinkTests
{
    /// <summary>
    /// The sink copies blocks a column at a time, in runs that stop at row-group boundaries: with row groups of 777
    /// rows and blocks of 1,000 trials of a chain of six (variant, vote) pairs, every kind of split occurs. Each row read
    /// back must be what the block held, by the table's documented meaning.
    /// </summary>
    [Test]
    public async Task Rows_read_back_equal_the_blocks_across_row_group_boundaries()
    {
        var loaded = ScenarioLoader.LoadFile(Path.Combine(RepositoryPaths.Scenarios, "sc-veto-chain-2026.yaml"));
        var model = EstimatorSelection.Resolve(loaded.Model!);
        var plans = TrialKernel.Plan(model);
        var kernel = new TrialKernel(model, plans);
        var block = TrialKernel.NewBlock(plans, 1000);
        var expected = new List<object?[]>();
        using var stream = new MemoryStream();
        var provenance = new Provenance("sc-veto-chain-2026", "sc-veto-chain-2026.yaml", new string('0', 64), model.Seed, 3000, "0/1", DateTimeOffset.UnixEpoch);
        await using (var sink = await ParquetTrialSink.CreateAsync(model, stream, provenance, CancellationToken.None, rowGroupRows: 777))
        {
            foreach (long first in new long[] { 0, 1000, 2000 })
            {
                kernel.Run(block, first, first == 2000 ? 999 : 1000);
                for (int v = 0; v < model.Variants.Count; v++)
                {
                    for (int j = 0; j < model.VoteCount; j++)
                    {
                        var vote = model.Variants[v].Votes[j];
                        var columns = block[v, j];
                        for (int r = 0; r < block.Count; r++)
                        {
                            expected.Add(Row(model.Variants[v].Name, vote, columns, block.FirstTrial + r, r));
                        }
                    }
                }

                sink.Write(block);
            }

            await sink.CompleteAsync();
        }

        stream.Position = 0;
        var actual = await ReadAll(stream);
        Assert.That(actual, Has.Count.EqualTo(expected.Count));
        Assert.That(expected.Select(e => e[6]).Distinct().Count(), Is.GreaterThan(1), "some drafts are vetoed, some not");
        Assert.That(expected.Count(e => e[9] is null && e[12] is false), Is.GreaterThan(0), "some follow-ups are not held");
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.That(actual[i], Is.EqualTo(expected[i]), $"row {i}");
        }
    }

    /// <summary>
    /// A run whose table fits in one row group sizes the row group's buffers to its rows
    /// (<c>RunService.RowGroupRows</c>) instead of 2^17: the file must be the same,
    /// byte for byte, as with the full-size buffers, and a larger table keeps the full size.
    /// </summary>
    [Test]
    public async Task A_row_group_sized_to_a_short_runs_rows_writes_the_same_file()
    {
        var loaded = ScenarioLoader.LoadFile(Path.Combine(RepositoryPaths.Scenarios, "sc-veto-chain-2026.yaml"));
        var model = EstimatorSelection.Resolve(loaded.Model!);
        const long trials = 1999;
        int rows = StemSimulator.Runner.Running.RunService.RowGroupRows(trials, model.Variants.Count, model.VoteCount);
        Assert.That(rows, Is.EqualTo(trials * model.Variants.Count * model.VoteCount));
        Assert.That(StemSimulator.Runner.Running.RunService.RowGroupRows(1_000_000, model.Variants.Count, model.VoteCount), Is.EqualTo(ParquetFiles.RowGroupRows));

        async Task<byte[]> Write(int? rowGroupRows)
        {
            var plans = TrialKernel.Plan(model);
            var kernel = new TrialKernel(model, plans);
            var block = TrialKernel.NewBlock(plans, 1000);
            using var stream = new MemoryStream();
            var provenance = new Provenance("sc-veto-chain-2026", "sc-veto-chain-2026.yaml", new string('0', 64), model.Seed, trials, "0/1", DateTimeOffset.UnixEpoch);
            await using (var sink = rowGroupRows is { } n
                ? await ParquetTrialSink.CreateAsync(model, stream, provenance, CancellationToken.None, n)
                : await ParquetTrialSink.CreateAsync(model, stream, provenance, CancellationToken.None))
            {
                foreach (long first in new long[] { 0, 1000 })
                {
                    kernel.Run(block, first, (int)Math.Min(1000, trials - first));
                    sink.Write(block);
                }

                await sink.CompleteAsync();
            }

            return stream.ToArray();
        }

        var sized = await Write(rows);
        var full = await Write(null);
        Assert.That(sized, Has.Length.GreaterThan(1000));
        Assert.That(sized, Is.EqualTo(full));
    }

    /// <summary>The row as documented in docs/outputs.md (the debate date only as null or not).</summary>
    private static object?[] Row(string variant, VoteModel vote, VoteTrialColumns columns, long trial, int r)
    {
        bool council = vote.Body == Body.SecurityCouncil;
        bool held = columns.Held[r];
        var veto = columns.VetoedBy[r];
        return
        [
            variant, vote.Id, trial, (int)columns.Yes[r], (int)columns.No[r], (int)columns.Abstain[r], (int)columns.Absent[r],
            columns.Adopted[r],
            veto == PermanentMembers.None ? null : veto.ToCodes(),
            council && held ? veto != PermanentMembers.None && columns.Yes[r] >= vote.CouncilRule.Quota : null,
            vote.Estimator == OutcomeEstimator.ExactConditional ? columns.ExactProbability[r] : null,
            vote.Date.Year, held,
            columns.Path[r] > 0 ? vote.Conditions[columns.Path[r] - 1].Label : null,
            columns.DebateDay[r] > 0 ? (int)columns.DebateDay[r] : null,
            columns.DebateDay[r] > 0,
        ];
    }

    private static async Task<List<object?[]>> ReadAll(Stream stream)
    {
        await using var reader = await ParquetReader.CreateAsync(stream);
        var fields = reader.Schema.GetDataFields();
        var rows = new List<object?[]>();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int n = (int)group.RowCount;
            var columns = new List<object?[]>();
            foreach (var field in fields)
            {
                columns.Add(field.Name switch
                {
                    "variant" or "vote_id" or "vetoed_by" or "path" => await Strings(group, field, n),
                    "trial" => await Values<long>(group, field, n),
                    "adopted" or "held" or "veto_decisive" => await Values<bool>(group, field, n),
                    "p_adopted_exact" => await Values<double>(group, field, n),
                    "debate_date" => (await Values<DateTime>(group, field, n)).Select(d => (object?)(d is not null)).ToArray(),
                    _ => await Values<int>(group, field, n),
                });
            }

            for (int i = 0; i < n; i++)
            {
                rows.Add(columns.Select(c => c[i]).ToArray());
            }
        }

        return rows;
    }

    private static async Task<object?[]> Values<T>(ParquetRowGroupReader group, DataField field, int n)
        where T : struct
    {
        if (field.IsNullable)
        {
            var nullable = new T?[n];
            await group.ReadAsync<T>(field, nullable.AsMemory());
            return nullable.Select(v => (object?)v).ToArray();
        }

        var values = new T[n];
        await group.ReadAsync<T>(field, values.AsMemory());
        return values.Select(v => (object?)v).ToArray();
    }

    private static async Task<object?[]> Strings(ParquetRowGroupReader group, DataField field, int n)
    {
        var values = new string?[n];
        await group.ReadAsync(field, values.AsMemory());
        return values;
    }
}
