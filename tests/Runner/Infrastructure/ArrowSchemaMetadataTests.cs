using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using StemSimulator.Runner.Backtesting;
using StemSimulator.Runner.DriftBacktesting;
using StemSimulator.Runner.Elections;
using StemSimulator.Runner.Infrastructure;
using StemSimulator.Runner.Output;
using StemSimulator.Runner.Power;
using StemSimulator.Runner.VetoRecord;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Infrastructure;

/// <summary>
/// Every Parquet file stemsim writes carries its Arrow schema under <c>ARROW:schema</c>, as pyarrow writes it. Checked
/// with two readers other than the writer: Apache Arrow's JavaScript implementation (vendored in tests/Vendor, run in
/// Node.js) decodes the stored schema, and each field must be the column DuckDB finds in the Parquet schema, in order,
/// with the same name, the Arrow type Arrow's Parquet reader gives that Parquet type (a string column a dictionary of
/// Int32 indices into Utf8, except the free-text ones), and non-nullable exactly where the column is REQUIRED.
/// </summary>
[NonParallelizable]
public sealed class ArrowSchemaMetadataTests
{
    /// <summary>The string columns that are free text, a plain Utf8 in Arrow; every other string column is a dictionary.</summary>
    private static readonly string[] FreeText = ["veto_followups.parquet:topic", "veto_followups.parquet:followup_title", "every_type.parquet:t", "every_type.parquet:t_null"];

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    /// <summary>A table of every column type, nullable and not, beside the tables stemsim describes.</summary>
    private static readonly TableDescription EveryType = new("every_type.parquet",
    [
        new("s", ColumnType.String, false, "string"), new("s_null", ColumnType.String, true, "string"),
        new("t", ColumnType.Text, false, "text"), new("t_null", ColumnType.Text, true, "text"),
        new("b", ColumnType.Bool, false, "bool"), new("b_null", ColumnType.Bool, true, "bool"),
        new("i", ColumnType.Int32, false, "int32"), new("i_null", ColumnType.Int32, true, "int32"),
        new("l", ColumnType.Int64, false, "int64"), new("l_null", ColumnType.Int64, true, "int64"),
        new("d", ColumnType.Double, false, "double"), new("d_null", ColumnType.Double, true, "double"),
        new("day", ColumnType.Date, false, "date"), new("day_null", ColumnType.Date, true, "date"),
        new("ts", ColumnType.Timestamp, false, "timestamp"), new("ts_null", ColumnType.Timestamp, true, "timestamp"),
    ]);

    private static IEnumerable<TableDescription> Described() =>
    [
        RunTables.Trials, RunTables.MemberVotes, RunTables.Summary, RunTables.MemberProbabilities, ConcernedPartyTable.Description, RunTables.Drift, RunTables.DriftAdoption,
        ElectionTableDescriptions.Elections, ElectionTableDescriptions.ElectionSummary, ElectionTableDescriptions.ElectionRounds, ElectionTableDescriptions.ElectionBallots,
        PowerTable.Description, BacktestTable.Description, DriftBacktestTable.Description, VetoFollowUpsTable.Description, EveryType,
    ];

    [Test]
    public async Task Every_described_table_stores_the_Arrow_schema_of_its_Parquet_schema()
    {
        using var folder = new TemporaryFolder();
        var files = new List<string>();
        foreach (var table in Described())
        {
            string file = folder.File(Path.GetFileName(table.FileName));
            await using (var stream = File.Create(file))
            {
                await using var writer = await ParquetFiles.CreateAsync(table, stream, new TableProvenance("run", [], null), CancellationToken.None);
            }

            files.Add(file);
        }

        CheckArrowSchemas(files);
    }

    [Test]
    public async Task Values_of_every_type_read_back_with_the_schema_stored()
    {
        using var folder = new TemporaryFolder();
        var day = new DateOnly(2026, 3, 2);
        var time = new DateTime(2026, 3, 2, 12, 30, 0, DateTimeKind.Utc);
        var data = EveryType.NewData()
            .Add("s", new[] { "GBR", "USA", "GBR" }).Add("s_null", new[] { "a", null!, "a" })
            .Add("t", new[] { "one", "two", "three" }).Add("t_null", new[] { null!, "x", "y" })
            .Add("b", new[] { true, false, true }).Add("b_null", new bool?[] { null, true, false })
            .Add("i", new[] { 1, -2, int.MaxValue }).Add("i_null", new int?[] { 3, null, 5 })
            .Add("l", new[] { 1L, long.MinValue, 7L }).Add("l_null", new long?[] { null, null, 9L })
            .Add("d", new[] { 0.5, -1e-300, double.MaxValue }).Add("d_null", new double?[] { 0.25, null, 2.0 })
            .Add("day", new[] { day, day.AddDays(1), new DateOnly(1946, 1, 10) }).Add("day_null", new DateOnly?[] { null, day, null })
            .Add("ts", new[] { time, time.AddDays(-1), time }).Add("ts_null", new DateTime?[] { time, null, null });
        string file = folder.File("every_type.parquet");
        await using (var stream = File.Create(file))
        {
            await TableWriter.WriteAsync(data, stream, new TableProvenance("run", [], null), CancellationToken.None);
        }

        CheckArrowSchemas([file]);
        using var connection = Open();
        var rows = Rows(connection, $"SELECT * FROM read_parquet('{file}')");
        Assert.That(rows, Is.EqualTo(new[]
        {
            "GBR|a|one|NULL|True|NULL|1|3|1|NULL|0.5|0.25|2026-03-02|NULL|2026-03-02 12:30:00|2026-03-02 12:30:00",
            "USA|NULL|two|x|False|True|-2|NULL|-9223372036854775808|NULL|-1E-300|NULL|2026-03-03|2026-03-02|2026-03-01 12:30:00|NULL",
            "GBR|a|three|y|True|False|2147483647|5|7|9|1.7976931348623157E+308|2|1946-01-10|NULL|2026-03-02 12:30:00|NULL",
        }), "every value as written");
    }

    [Test]
    public void Every_file_of_a_run_and_of_the_other_commands_carries_its_Arrow_schema_after_its_provenance()
    {
        using var folder = new TemporaryFolder();
        Run(folder, "run", "scenarios/sc-veto-chain-2026.yaml", "--trials", "300", "--out", "votes", "--quiet", "--member-votes");
        Run(folder, "run", "scenarios/hrc-weog-2026.yaml", "--trials", "100", "--out", "elections", "--quiet");
        Run(folder, "run", "scenarios/drift-brics-2026-2035.yaml", "--trials", "100", "--out", "drift", "--quiet");
        Run(folder, "power", "--council", "current", "--out", "power", "--quiet");
        Run(folder, "veto-record", "--data", RepositoryPaths.SharedData, "--out", "veto");
        var files = Directory.GetFiles(folder.Path, "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        Assert.That(files.Select(f => Path.GetFileName(f) == "part-0.parquet" ? Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(f))) + "/" : Path.GetFileName(f)).Distinct(),
            Is.SupersetOf(new[] { "trials/", "member_votes/", "summary.parquet", "member_probabilities.parquet", "concerned_party.parquet", "election_summary.parquet", "drift.parquet", "power.parquet", "veto_followups.parquet" }));

        CheckArrowSchemas(files);
        using var connection = Open();
        foreach (string file in files)
        {
            var keys = Rows(connection, $"SELECT decode(key) FROM parquet_kv_metadata('{file}')");
            Assert.That(keys[^1], Is.EqualTo("ARROW:schema"), file);
            Assert.That(keys[..^1], Has.All.StartsWith("stemsim."), $"{file}: the provenance keys, unchanged, and nothing else");
            Assert.That(keys[0], Is.EqualTo("stemsim.command"), file);
        }
    }

    /// <summary>Decodes each file's ARROW:schema with Arrow's JavaScript implementation and compares it with the Parquet schema DuckDB reads.</summary>
    private static void CheckArrowSchemas(IReadOnlyList<string> files)
    {
        using var connection = Open();
        var stored = files.Select(file => Rows(connection, $"SELECT decode(value) FROM parquet_kv_metadata('{file}') WHERE decode(key) = 'ARROW:schema'")).ToArray();
        Assert.That(stored.Select(s => s.Count), Has.All.EqualTo(1), "one ARROW:schema in every file");
        string json = NodeJs.Run(Path.Combine(RepositoryPaths.Root, "tests", "Support", "read-arrow-schema.js"), JsonSerializer.Serialize(stored.Select(s => s[0])));
        var decoded = JsonSerializer.Deserialize<ArrowField[][]>(json, JsonOptions)!;
        Assert.That(decoded, Has.Length.EqualTo(files.Count));
        for (int f = 0; f < files.Count; f++)
        {
            string table = Path.GetFileName(files[f]) == "part-0.parquet" ? Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(files[f])))! + ".parquet" : Path.GetFileName(files[f]);
            var expected = Rows(connection, $"SELECT name, type, repetition_type, coalesce(converted_type, '') FROM parquet_schema('{files[f]}') WHERE num_children IS NULL")
                .Select(row => row.Split('|'))
                .Select(c => new ArrowField(c[0], ArrowType(table, c[0], c[1], c[3]), c[2] switch
                {
                    "REQUIRED" => false,
                    "OPTIONAL" => true,
                    _ => throw new InvalidOperationException($"{files[f]}: {c[0]} is {c[2]}"),
                }))
                .ToArray();
            Assert.That(expected, Is.Not.Empty);
            Assert.That(decoded[f], Is.EqualTo(expected), $"{files[f]}: the stored Arrow schema, as apache-arrow decodes it, against the Parquet schema");
        }
    }

    /// <summary>The type Arrow's Parquet reader gives a Parquet column (physical and converted type), as apache-arrow names it.</summary>
    private static string ArrowType(string table, string column, string physical, string converted) => (physical, converted) switch
    {
        ("BYTE_ARRAY", "UTF8") => FreeText.Contains($"{table}:{column}") ? "Utf8" : "Dictionary<Int32, Utf8>",
        ("INT32", "DATE") => "Date32<DAY>",
        ("INT32", "" or "INT_32") => "Int32",
        ("INT64", "" or "INT_64") => "Int64",
        ("DOUBLE", "") => "Float64",
        ("BOOLEAN", "") => "Bool",
        ("INT96", "") => "Timestamp<NANOSECOND>",
        _ => throw new InvalidOperationException($"{table}: column {column} of Parquet type {physical} {converted}"),
    };

    private static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }

    /// <summary>The rows of <paramref name="sql"/>, each its values joined by '|', NULL for null, numbers and times invariant.</summary>
    private static List<string> Rows(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : reader.GetValue(i) switch
            {
                DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                IFormattable v => v.ToString(null, CultureInfo.InvariantCulture),
                var v => v.ToString()!,
            })));
        }

        return rows;
    }

    private static void Run(TemporaryFolder folder, params string[] arguments)
    {
        var result = CliProcess.Run(folder.Path, arguments.Select(a => a.StartsWith("scenarios/", StringComparison.Ordinal) ? Path.Combine(RepositoryPaths.Root, a) : a).ToArray());
        Assert.That(result.ExitCode, Is.Zero, result.StandardError);
    }

    private sealed record ArrowField(string Name, string Type, bool Nullable);
}
