using StemSimulator.Engine.Rules;

namespace StemSimulator.Engine.Calibration;

/// <summary>
/// Recorded roll calls as the estimator reads them: integer-coded members, years and roll calls, one record per
/// member and roll call the member was expected at (votes and absences), and bridges between roll calls that repeat
/// the same resolution. Pure arrays; the Runner reads the files and builds it.
/// </summary>
public sealed class CalibrationInput
{
    /// <summary>Checks and stores the data; throws <see cref="ArgumentException"/> on an index out of range.</summary>
    /// <param name="memberCount">Number of members (units of calibration: states, including historical ones), &gt;= 1.</param>
    /// <param name="yearCount">Number of years; year indices run 0 .. yearCount - 1 (the caller maps them to calendar years).</param>
    /// <param name="issueCount">Number of issue areas, 0 to 8.</param>
    /// <param name="rollCallYear">Year index of each roll call.</param>
    /// <param name="rollCallIssues">Issue areas of each roll call as a bit mask (bit k set: issue k), only bits below <paramref name="issueCount"/>.</param>
    /// <param name="recordMember">Member of each record.</param>
    /// <param name="recordRollCall">Roll call of each record.</param>
    /// <param name="recordChoice">What the member did: yes, abstain, no or absent.</param>
    /// <param name="bridges">Pairs of roll calls that repeat the same resolution (their parameters are pulled together).</param>
    public CalibrationInput(
        int memberCount,
        int yearCount,
        int issueCount,
        int[] rollCallYear,
        byte[] rollCallIssues,
        int[] recordMember,
        int[] recordRollCall,
        VoteChoice[] recordChoice,
        (int First, int Second)[] bridges)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(memberCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(yearCount, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(issueCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(issueCount, 8);
        if (rollCallIssues.Length != rollCallYear.Length)
        {
            throw new ArgumentException("One issue mask per roll call.", nameof(rollCallIssues));
        }

        if (recordRollCall.Length != recordMember.Length || recordChoice.Length != recordMember.Length)
        {
            throw new ArgumentException("Record arrays must have the same length.", nameof(recordRollCall));
        }

        if (rollCallYear.Any(y => y < 0 || y >= yearCount))
        {
            throw new ArgumentException("A roll call's year index is out of range.", nameof(rollCallYear));
        }

        int mask = (1 << issueCount) - 1;
        if (rollCallIssues.Any(b => (b & ~mask) != 0))
        {
            throw new ArgumentException("A roll call names an issue area beyond issueCount.", nameof(rollCallIssues));
        }

        if (recordMember.Any(m => m < 0 || m >= memberCount) || recordRollCall.Any(r => r < 0 || r >= rollCallYear.Length))
        {
            throw new ArgumentException("A record's member or roll call is out of range.", nameof(recordMember));
        }

        if (bridges.Any(b => b.First < 0 || b.Second < 0 || b.First >= rollCallYear.Length || b.Second >= rollCallYear.Length || b.First == b.Second))
        {
            throw new ArgumentException("A bridge names a roll call out of range or the same roll call twice.", nameof(bridges));
        }

        MemberCount = memberCount;
        YearCount = yearCount;
        IssueCount = issueCount;
        Years = rollCallYear;
        Issues = rollCallIssues;
        Members = recordMember;
        RollCalls = recordRollCall;
        Choices = recordChoice;
        BridgePairs = bridges;
    }

    /// <summary>Number of members.</summary>
    public int MemberCount { get; }

    /// <summary>Number of years.</summary>
    public int YearCount { get; }

    /// <summary>Number of issue areas.</summary>
    public int IssueCount { get; }

    /// <summary>Number of roll calls.</summary>
    public int RollCallCount => Years.Length;

    /// <summary>Year index per roll call.</summary>
    public IReadOnlyList<int> RollCallYear => Years;

    /// <summary>Issue bit mask per roll call.</summary>
    public IReadOnlyList<byte> RollCallIssues => Issues;

    /// <summary>Member per record.</summary>
    public IReadOnlyList<int> RecordMember => Members;

    /// <summary>Roll call per record.</summary>
    public IReadOnlyList<int> RecordRollCall => RollCalls;

    /// <summary>Choice per record.</summary>
    public IReadOnlyList<VoteChoice> RecordChoice => Choices;

    /// <summary>Pairs of roll calls repeating the same resolution.</summary>
    public IReadOnlyList<(int First, int Second)> Bridges => BridgePairs;

    internal int[] Years { get; }

    internal byte[] Issues { get; }

    internal int[] Members { get; }

    internal int[] RollCalls { get; }

    internal VoteChoice[] Choices { get; }

    internal (int First, int Second)[] BridgePairs { get; }
}
