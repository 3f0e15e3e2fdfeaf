using StemSimulator.Scenarios.Csv;
using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Rules;
using StemSimulator.Runner.Calibration;
using StemSimulator.Scenarios.Library;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Scenarios.Library;

/// <summary>
/// The UN Digital Library's own voting layouts (tests/Fixtures/undl_official, written from real rows of
/// ../shared/data/un by tools/fixtures/make_official_fixtures.py) load to exactly the roll calls and votes of the
/// shared files they came from, alone or beside them; bad rows are reported at file and line and counted.
/// </summary>
public sealed class OfficialLayoutTests
{
    private static readonly string[] AssemblyFiles = ["ga_v1_long.csv", "ga_v3_long.csv", "ga_wide.csv"];

    [TestCaseSource(nameof(AssemblyFiles))]
    public void An_assembly_layout_instead_of_undl_2021_loads_to_the_same_roll_calls_and_votes(string file)
    {
        using var folder = new TemporaryFolder();
        Fixtures.CopyUnSmall(folder.Path);
        Directory.Delete(folder.File("undl_2021"), recursive: true);
        File.Copy(Path.Combine(Fixtures.UndlOfficial, file), folder.File(file));

        var expected = UnVotingDataLoader.Load(Fixtures.UnSmall);
        var data = UnVotingDataLoader.Load(folder.Path);

        Assert.That(data.Problems.Describe(10), Is.Empty);
        Assert.That(data.RollCalls, Is.EqualTo(expected.RollCalls));
        Assert.That(data.RollCalls.Count(r => r.Id.StartsWith("undl-", StringComparison.Ordinal)), Is.EqualTo(12));
        Assert.That(Votes(data), Is.EquivalentTo(Votes(expected)));
        Assert.That(Votes(data), Has.Count.EqualTo(Votes(expected).Count));
    }

    [Test]
    public void Official_files_beside_the_shared_ones_are_counted_once_and_reported_once_per_file()
    {
        using var folder = new TemporaryFolder();
        Fixtures.CopyUnSmall(folder.Path);
        foreach (var file in AssemblyFiles)
        {
            File.Copy(Path.Combine(Fixtures.UndlOfficial, file), folder.File(file));
        }

        var expected = UnVotingDataLoader.Load(Fixtures.UnSmall);
        var data = UnVotingDataLoader.Load(folder.Path);

        Assert.That(data.RollCalls, Is.EqualTo(expected.RollCalls));
        Assert.That(Votes(data), Is.EquivalentTo(Votes(expected)));
        Assert.That(data.Problems.Describe(10), Is.EqualTo(AssemblyFiles.Select(f =>
            $"{f}:2: 12 resolution(s) from A/RES/74/300 on are also in undl_2021/resolutions_1946_2021.csv with the same votes; counted once")));
    }

    [Test]
    public void The_security_council_file_reads_to_the_shared_rows_it_came_from_and_calibration_leaves_it_out()
    {
        var problems = new DataProblems();
        var read = OfficialVotingFile.Read(Path.Combine(Fixtures.UndlOfficial, "sc_v3_long.csv"), "sc_v3_long.csv", _ => true, problems)!;

        var resolutions = Rows(Path.Combine(Fixtures.UndlOfficial, "sources", "sc_resolutions_subset.csv"));
        var votes = Rows(Path.Combine(Fixtures.UndlOfficial, "sources", "sc_votes_long_subset.csv"));
        Assert.That(problems.Count, Is.Zero);
        Assert.That(read.Select(r => (r.RecordId, r.Council, r.Date.ToString("yyyy-MM-dd"), r.Symbol, r.Title)), Is.EqualTo(
            resolutions.Select(r => (r[0], LibraryCouncil.SecurityCouncil, r[2], r[3], r[4]))));
        Assert.That(read.SelectMany(r => r.Votes.Select(v => (r.RecordId, v.Code, v.Choice))), Is.EqualTo(
            votes.Select(v => (v[0], v[4], v[5] switch { "Y" => VoteChoice.Yes, "N" => VoteChoice.No, "A" => VoteChoice.Abstain, "X" => VoteChoice.Absent, _ => throw new InvalidDataException(v[5]) }))));
        Assert.That(votes, Has.Count.EqualTo(150));

        using var folder = new TemporaryFolder();
        Fixtures.CopyUnSmall(folder.Path);
        File.Copy(Path.Combine(Fixtures.UndlOfficial, "sc_v3_long.csv"), folder.File("sc_v3_long.csv"));
        var data = UnVotingDataLoader.Load(folder.Path);
        Assert.That(data.Problems.Count, Is.Zero);
        Assert.That(data.RollCalls, Is.EqualTo(UnVotingDataLoader.Load(Fixtures.UnSmall).RollCalls), "the Assembly calibration reads no Council votes");
    }

    [Test]
    public void Unknown_vote_codes_member_codes_and_dates_are_reported_at_their_line_and_counted()
    {
        using var folder = OfficialOnly("ga_v3_long.csv", out string file, out int lines);
        var row = File.ReadAllLines(file)[1];
        File.AppendAllText(file, string.Join('\n',
            row.Replace(",AFG,AFGHANISTAN,X,", ",AFG,AFGHANISTAN,NV,", StringComparison.Ordinal),
            row.Replace(",AFG,AFGHANISTAN,", ",QQQ,ATLANTIS,", StringComparison.Ordinal),
            row.Replace(",2020-09-03,", ",03/09/2020,", StringComparison.Ordinal),
            row.Replace(",AFG,AFGHANISTAN,X,", ",AFG,AFGHANISTAN,Y,", StringComparison.Ordinal)) + "\n");

        var data = UnVotingDataLoader.Load(folder.Path);

        Assert.That(data.Problems.Describe(10), Is.EqualTo(new[]
        {
            $"ga_v3_long.csv:{lines + 1}: vote 'NV' of AFG is not Y, N, A or X",
            $"ga_v3_long.csv:{lines + 2}: member code 'QQQ' (ATLANTIS) is not in the reference table",
            $"ga_v3_long.csv:{lines + 3}: date '03/09/2020' is not a date (expected yyyy-MM-dd)",
            $"ga_v3_long.csv:{lines + 4}: second vote of AFG on A/RES/74/300 (Absent at line 2, Yes here)",
        }));
        Assert.That(data.Problems.CountsByFile(), Is.EqualTo(new[] { ("ga_v3_long.csv", 4) }));
        Assert.That(Votes(data), Does.Contain(("undl-3879564", "AFG", VoteChoice.Absent)), "the first vote is kept");
    }

    [Test]
    public void Version_1_codes_and_wide_member_columns_are_checked()
    {
        using var v1 = OfficialOnly("ga_v1_long.csv", out string v1File, out int v1Lines);
        File.AppendAllText(v1File, File.ReadAllLines(v1File)[1].Replace(",NV,", ",X,", StringComparison.Ordinal) + "\n");
        using var wide = OfficialOnly("ga_wide.csv", out string wideFile, out _);
        var wideLines = File.ReadAllLines(wideFile);
        wideLines[0] = wideLines[0].Replace(",AFG,", ",QQQ,", StringComparison.Ordinal);
        int afghanistan = wideLines[1].IndexOf(",193,,X,A,Y,", StringComparison.Ordinal);
        wideLines[1] = string.Concat(wideLines[1].AsSpan(0, afghanistan), ",193,,X,Z,Y,", wideLines[1].AsSpan(afghanistan + 12));
        File.WriteAllLines(wideFile, wideLines);

        var v1Data = UnVotingDataLoader.Load(v1.Path);
        var wideData = UnVotingDataLoader.Load(wide.Path);

        Assert.That(v1Data.Problems.Describe(10), Is.EqualTo(new[] { $"ga_v1_long.csv:{v1Lines + 1}: vote 'X' of AFG is not Y, N, A or NV" }));
        Assert.That(wideData.Problems.Describe(10), Is.EqualTo(new[]
        {
            "ga_wide.csv:1: member code 'QQQ' (column 18) is not in the reference table",
            "ga_wide.csv:2: vote 'Z' of AGO is not Y, N, A or X",
        }));
    }

    [Test]
    public void The_same_resolution_with_other_votes_in_a_second_source_is_reported_and_the_first_kept()
    {
        using var folder = new TemporaryFolder();
        Fixtures.CopyUnSmall(folder.Path);
        var lines = File.ReadAllLines(Path.Combine(Fixtures.UndlOfficial, "ga_v3_long.csv"));
        int albania = Array.FindIndex(lines, l => l.StartsWith("3879564,ALB,", StringComparison.Ordinal));
        lines[albania] = lines[albania].Replace(",ALB,ALBANIA,Y,", ",ALB,ALBANIA,N,", StringComparison.Ordinal);
        File.WriteAllLines(folder.File("ga_v3_long.csv"), lines);

        var expected = UnVotingDataLoader.Load(Fixtures.UnSmall);
        var data = UnVotingDataLoader.Load(folder.Path);

        Assert.That(data.Problems.Describe(10), Is.EqualTo(new[]
        {
            "ga_v3_long.csv:2: A/RES/74/300 on 2020-09-03 is in undl_2021/resolutions_1946_2021.csv with other votes (ALB Yes there, No here); the first reading is kept",
            "ga_v3_long.csv:195: 11 resolution(s) from A/RES/74/301 on are also in undl_2021/resolutions_1946_2021.csv with the same votes; counted once",
        }));
        Assert.That(Votes(data), Is.EquivalentTo(Votes(expected)));
    }

    [Test]
    public void A_missing_column_is_an_error_at_the_header_and_calibrate_writes_nothing()
    {
        using var folder = new TemporaryFolder();
        string data = Path.Combine(folder.Path, "un");
        Fixtures.CopyUnSmall(data);
        var lines = File.ReadAllLines(Path.Combine(Fixtures.UndlOfficial, "ga_v3_long.csv"));
        lines[0] = lines[0].Replace(",date,", ",day,", StringComparison.Ordinal);
        File.WriteAllLines(Path.Combine(data, "ga_v3_long.csv"), lines);

        var error = Assert.Throws<InvalidDataException>(() => UnVotingDataLoader.Load(data));
        var run = CliProcess.Run(folder.Path, "calibrate", "--data", data, "--out", folder.File("cal.csv"));

        Assert.That(error!.Message, Is.EqualTo("ga_v3_long.csv:1: column 'date' is missing from the header (UN Digital Library, member-level (ms_code, ms_vote))"));
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Is.EqualTo("error: " + error.Message + Environment.NewLine));
        Assert.That(Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName), Is.EqualTo(new[] { "un" }), "nothing written");
    }

    [Test]
    public void A_csv_that_is_no_known_layout_is_reported_not_read()
    {
        using var folder = new TemporaryFolder();
        Fixtures.CopyUnSmall(folder.Path);
        File.WriteAllText(folder.File("notes.csv"), "a,b\n1,2\n");

        var data = UnVotingDataLoader.Load(folder.Path);

        Assert.That(data.Problems.Describe(10).Single(), Does.StartWith("notes.csv:1: the header is neither the layout of ../shared/data/un nor a UN Digital Library voting layout"));
        Assert.That(data.RollCalls, Is.EqualTo(UnVotingDataLoader.Load(Fixtures.UnSmall).RollCalls));
    }

    /// <summary>The small fixture without undl_2021, with one official file in its place.</summary>
    private static TemporaryFolder OfficialOnly(string name, out string file, out int lines)
    {
        var folder = new TemporaryFolder();
        Fixtures.CopyUnSmall(folder.Path);
        Directory.Delete(folder.File("undl_2021"), recursive: true);
        file = folder.File(name);
        File.Copy(Path.Combine(Fixtures.UndlOfficial, name), file);
        lines = File.ReadAllLines(file).Length;
        return folder;
    }

    private static List<(string RollCall, string Unit, VoteChoice Choice)> Votes(UnVotingData data) =>
        Enumerable.Range(0, data.RecordChoice.Length)
            .Select(k => (data.RollCalls[data.RecordRollCall[k]].Id, data.Units[data.RecordUnit[k]], data.RecordChoice[k]))
            .ToList();

    private static List<string[]> Rows(string path)
    {
        using var reader = new CsvRecordReader(path);
        var rows = new List<string[]>();
        reader.Read(out _);
        while (reader.Read(out _))
        {
            rows.Add([.. reader.Fields]);
        }

        return rows;
    }
}
