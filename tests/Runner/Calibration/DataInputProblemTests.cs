using StemSimulator.Runner.Calibration;
using StemSimulator.Runner.VetoRecord;
using StemSimulator.Tests.Support;

namespace StemSimulator.Tests.Runner.Calibration;

/// <summary>
/// The input of calibrate, backtest and veto-record: each malformed row, unknown country code and duplicate vote of
/// the shared CSV files is reported at its file and line and counted, never used twice nor dropped silently. Each
/// case is the small real fixture with a few bad rows appended.
/// </summary>
public sealed class DataInputProblemTests
{
    [Test]
    public void A_second_vote_of_a_member_on_a_roll_call_is_reported_and_not_counted_twice()
    {
        using var folder = new TemporaryFolder();
        Fixtures.CopyUnSmall(folder.Path);
        string votes = Path.Combine(folder.Path, "unvotes_dgrtwo", "un_votes.csv");
        int lines = File.ReadAllLines(votes).Length;
        string first = File.ReadAllLines(votes)[1];
        File.AppendAllText(votes, first + "\n");
        int before = UnVotingDataLoader.Load(Fixtures.UnSmall).RecordChoice.Length;

        var data = UnVotingDataLoader.Load(folder.Path);

        Assert.That(data.Problems.Describe(10).Single(), Does.Match($@"^unvotes_dgrtwo/un_votes\.csv:{lines + 1}: second vote of [A-Z]{{3}} on rcid \d+$"));
        Assert.That(data.RecordChoice, Has.Length.EqualTo(before));
    }

    [Test]
    public void A_duplicate_roll_call_id_is_reported()
    {
        using var folder = new TemporaryFolder();
        Fixtures.CopyUnSmall(folder.Path);
        string rollCalls = Path.Combine(folder.Path, "unvotes_dgrtwo", "un_roll_calls.csv");
        int lines = File.ReadAllLines(rollCalls).Length;
        File.AppendAllText(rollCalls, "5549,72,1,2017-11-01,A/RES/72/4,,,Again,Again\n5551,72,1,2017-13-45,A/RES/72/9,,,Bad date,Bad date\n");

        var data = UnVotingDataLoader.Load(folder.Path);
        var messages = data.Problems.Describe(10).ToArray();

        Assert.That(messages, Is.EqualTo(new[]
        {
            $"unvotes_dgrtwo/un_roll_calls.csv:{lines + 1}: duplicate rcid 5549",
            $"unvotes_dgrtwo/un_roll_calls.csv:{lines + 2}: rcid, session or date is not valid",
        }));
        Assert.That(data.RollCalls, Has.Count.EqualTo(72));
    }

    [Test]
    public void Library_votes_with_unknown_codes_unknown_choices_and_duplicates_are_reported()
    {
        using var folder = new TemporaryFolder();
        Fixtures.CopyUnSmall(folder.Path);
        string resolutions = Path.Combine(folder.Path, "undl_2021", "resolutions_1946_2021.csv");
        string votes = Path.Combine(folder.Path, "undl_2021", "ga_votes_long_1946_2021.csv");
        int resolutionLines = File.ReadAllLines(resolutions).Length;
        int voteLines = File.ReadAllLines(votes).Length;
        // The first resolution catalogued a second time under another record id (as A/76/L.14 is in the real file).
        var firstResolution = File.ReadAllLines(resolutions)[1];
        File.AppendAllText(resolutions, "9999999" + firstResolution[firstResolution.IndexOf(',', StringComparison.Ordinal)..] + "\n");
        File.AppendAllText(votes, string.Join('\n',
            "3879564,2020-09-03,A/RES/74/300,ATLANTIS,ATL,Y",
            "3879564,2020-09-03,A/RES/74/300,ALBANIA,ALB,Maybe",
            "3879564,2020-09-03,A/RES/74/300,ALBANIA,ALB,N",
            "3879564,2020-09-03,A/RES/74/300,TOO,MANY,FIELDS,HERE,Y") + "\n");

        var data = UnVotingDataLoader.Load(folder.Path);
        var messages = data.Problems.Describe(10).ToArray();

        Assert.That(messages, Is.EqualTo(new[]
        {
            $"undl_2021/resolutions_1946_2021.csv:{resolutionLines + 1}: duplicate of record 3879564: A/RES/74/300 on 2020-09-03 is already there",
            $"undl_2021/ga_votes_long_1946_2021.csv:{voteLines + 1}: unknown country code 'ATL' (ATLANTIS)",
            $"undl_2021/ga_votes_long_1946_2021.csv:{voteLines + 2}: vote 'Maybe' is not Y, A, N or X",
            $"undl_2021/ga_votes_long_1946_2021.csv:{voteLines + 3}: second vote of ALB on A/RES/74/300",
            $"undl_2021/ga_votes_long_1946_2021.csv:{voteLines + 4}: expected 6 fields, found 8",
        }), string.Join("\n", messages));
        Assert.That(data.Problems.CountsByFile(), Is.EqualTo(new[]
        {
            ("undl_2021/ga_votes_long_1946_2021.csv", 4),
            ("undl_2021/resolutions_1946_2021.csv", 1),
        }));
        Assert.That(data.RollCalls, Has.Count.EqualTo(72), "the duplicate record is not a second roll call");
    }

    [Test]
    public void Absence_records_and_ideal_points_with_unknown_codes_or_repeats_are_reported()
    {
        using var folder = new TemporaryFolder();
        Fixtures.CopyUnSmall(folder.Path);
        string absences = Path.Combine(folder.Path, "voeten_unvotes_2017", "unvotes_1946_2015_members_with_absent.csv");
        string points = Path.Combine(folder.Path, "voeten_idealpoints", "IdealpointestimatesAll_Apr2020.csv");
        int absenceLines = File.ReadAllLines(absences).Length;
        int pointLines = File.ReadAllLines(points).Length;
        File.AppendAllText(absences, string.Join('\n',
            "5549,72,8,2,United States,1,2017-11-01,R/72/4,0,0,0,0,0,1,2017,Absent",
            "5549,72,8,2,United States,1,2017-11-01,R/72/4,0,0,0,0,0,1,2017,Absent",
            "5549,72,8,999,Nowhere,1,2017-11-01,R/72/4,0,0,0,0,0,1,2017,Absent",
            "5549,72,five,2,United States,1,2017-11-01,R/72/4,0,0,0,0,0,1,2017,Absent") + "\n");
        File.AppendAllText(points, string.Join('\n',
            "1,2,72,90,2.5,0,0,0,0,0,0,0,USA,United States",
            "2,999,72,90,0.5,0,0,0,0,0,0,0,XXX,Nowhere") + "\n");

        var data = UnVotingDataLoader.Load(folder.Path);
        var messages = data.Problems.Describe(10).ToArray();

        Assert.That(messages, Is.EqualTo(new[]
        {
            $"voeten_unvotes_2017/unvotes_1946_2015_members_with_absent.csv:{absenceLines + 2}: second record of COW code 2 on rcid 5549",
            $"voeten_unvotes_2017/unvotes_1946_2015_members_with_absent.csv:{absenceLines + 3}: unknown COW code 999",
            $"voeten_unvotes_2017/unvotes_1946_2015_members_with_absent.csv:{absenceLines + 4}: rcid, vote or ccode is not an integer",
            $"voeten_idealpoints/IdealpointestimatesAll_Apr2020.csv:{pointLines + 1}: second ideal point of USA in session 72",
            $"voeten_idealpoints/IdealpointestimatesAll_Apr2020.csv:{pointLines + 2}: unknown COW code 999",
        }), string.Join("\n", messages));
    }

    [Test]
    public void A_missing_column_is_an_error_at_the_header_line()
    {
        using var folder = new TemporaryFolder();
        Fixtures.CopyUnSmall(folder.Path);
        string votes = Path.Combine(folder.Path, "unvotes_dgrtwo", "un_votes.csv");
        var lines = File.ReadAllLines(votes);
        lines[0] = lines[0].Replace("vote", "ballot", StringComparison.Ordinal);
        File.WriteAllLines(votes, lines);

        var error = Assert.Throws<InvalidDataException>(() => UnVotingDataLoader.Load(folder.Path));

        Assert.That(error!.Message, Is.EqualTo("unvotes_dgrtwo/un_votes.csv:1: column 'vote' is missing from the header"));
    }

    [Test]
    public void Calibrate_lists_bad_rows_with_file_and_line_and_counts_them_per_file()
    {
        using var folder = new TemporaryFolder();
        string data = Path.Combine(folder.Path, "un");
        Fixtures.CopyUnSmall(data);
        string votes = Path.Combine(data, "unvotes_dgrtwo", "un_votes.csv");
        int lines = File.ReadAllLines(votes).Length;
        File.AppendAllText(votes, "999999,Nowhere,US,yes\n" + File.ReadAllLines(votes)[1] + "\n");

        var run = CliProcess.Run(folder.Path, "calibrate", "--data", data, "--out", folder.File("cal.csv"));

        Assert.That(run.ExitCode, Is.Zero, run.StandardError);
        Assert.That(run.StandardError, Does.Contain("warning: unvotes_dgrtwo/un_votes.csv: 2 row(s) not used"));
        Assert.That(run.StandardError, Does.Contain($"unvotes_dgrtwo/un_votes.csv:{lines + 1}: unknown rcid '999999'"));
        Assert.That(run.StandardError, Does.Contain($"unvotes_dgrtwo/un_votes.csv:{lines + 2}: second vote of"));
        Assert.That(File.ReadAllText(folder.File("cal_model.csv")), Does.Contain("unused_rows,2"));
    }

    [Test]
    public void Calibrate_with_a_missing_column_exits_2_with_file_and_line()
    {
        using var folder = new TemporaryFolder();
        string data = Path.Combine(folder.Path, "un");
        Fixtures.CopyUnSmall(data);
        string issues = Path.Combine(data, "unvotes_dgrtwo", "un_roll_call_issues.csv");
        File.WriteAllText(issues, "rcid,issue\n5549,hr\n");

        var run = CliProcess.Run(folder.Path, "calibrate", "--data", data, "--out", folder.File("cal.csv"));

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.StandardError, Is.EqualTo("error: unvotes_dgrtwo/un_roll_call_issues.csv:1: column 'short_name' is missing from the header" + Environment.NewLine));
        Assert.That(Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName), Is.EqualTo(new[] { "un" }), "nothing written");
    }

    [Test]
    public void Veto_record_rows_with_unknown_members_bad_dates_and_duplicate_votes_are_reported()
    {
        using var folder = new TemporaryFolder();
        Directory.CreateDirectory(folder.File("unsc_vetoes"));
        Directory.CreateDirectory(folder.File("undl_2021"));
        File.WriteAllText(Path.Combine(folder.Path, VetoRecordData.VetoFile), """
            date,draft,agenda_item,crisis_topic,member_veto1,member_veto2,member_veto3
            3/1/2001,S/1,Situation A,Syria,Russia,,
            2001-03-02,S/2,Situation A,Syria,Russia,,
            3/3/2001,S/3,Situation A,Syria,Soviet Union,,
            3/4/2001,S/4,Situation A,Syria,,,
            3/5/2001,S/5,"Situation A,Syria,Russia,,

            """);
        File.WriteAllText(Path.Combine(folder.Path, VetoRecordData.ResolutionFile), """
            undl_record_id,council,date,resolution,title,total_votes,yes_count,no_count,abstain_count,nonvoting_count
            1,GA,2001-03-11,A/RES/ES-12/1,Humanitarian situation in Syria,193,120,10,30,33
            2,GA,2001-03-11,A/RES/ES-12/1,Humanitarian situation in Syria,193,120,10,30,33
            3,GA,2001,A/RES/55/300,Undated,193,120,10,30,33
            4,SC,2001-03-11,S/RES/1,Not the Assembly,15,15,0,0,0

            """);

        var data = VetoRecordData.Load(folder.Path);

        Assert.That(data.Problems, Is.EqualTo(new[]
        {
            "unsc_vetoes/unsc_vetoes_1946_sept2022.csv:3: date '2001-03-02' is not M/D/YYYY",
            "unsc_vetoes/unsc_vetoes_1946_sept2022.csv:4: unknown permanent member 'Soviet Union'; expected one of China, France, Russia, UK, USA, USSR",
            "unsc_vetoes/unsc_vetoes_1946_sept2022.csv:5: no vetoing member (member_veto1-3 are empty)",
            "unsc_vetoes/unsc_vetoes_1946_sept2022.csv:6: unterminated quoted field",
            "undl_2021/resolutions_1946_2021.csv:3: duplicate of an earlier record: A/RES/ES-12/1 on 2001-03-11",
            "undl_2021/resolutions_1946_2021.csv:4: A/RES/55/300 has an unusable date or count ('2001')",
        }));
        Assert.That(data.Vetoes, Has.Count.EqualTo(1));
        Assert.That(data.Votes, Has.Count.EqualTo(1));
    }
}
