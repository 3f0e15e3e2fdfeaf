using System.Numerics;
using StemSimulator.Engine.Rules;

namespace StemSimulator.Engine.Calibration;

/// <summary>
/// The layout of one fit: each member's chain of years, and the votes laid out contiguously twice, by member (and year)
/// for the member step and by roll call for the roll-call step (compressed rows: a start offset per member or roll call).
/// </summary>
internal sealed partial class IdealPointFit
{
    /// <summary>Each member's chain: first..last year with any record, and where its slots start in the member-year arrays.</summary>
    private static (int[] First, int[] Count, int[] Chain, int Total) Chains(CalibrationInput input)
    {
        int members = input.MemberCount;
        var years = input.Years;
        var first = new int[members];
        var count = new int[members];
        var last = new int[members];
        Array.Fill(first, int.MaxValue);
        Array.Fill(last, -1);
        for (int r = 0; r < input.Members.Length; r++)
        {
            int m = input.Members[r];
            int y = years[input.RollCalls[r]];
            first[m] = Math.Min(first[m], y);
            last[m] = Math.Max(last[m], y);
        }

        var chain = new int[members];
        int total = 0;
        for (int m = 0; m < members; m++)
        {
            if (last[m] < 0)
            {
                first[m] = 0;
                count[m] = 0;
            }
            else
            {
                count[m] = last[m] - first[m] + 1;
            }

            chain[m] = total;
            total += count[m];
        }

        return (first, count, chain, total);
    }

    /// <summary>The year index of each member-year slot.</summary>
    private static int[] SlotYears(int[] first, int[] count, int[] chain, int total)
    {
        var slotYear = new int[total];
        for (int m = 0; m < first.Length; m++)
        {
            for (int t = 0; t < count[m]; t++)
            {
                slotYear[chain[m] + t] = first[m] + t;
            }
        }

        return slotYear;
    }

    /// <summary>Per member-year slot: records, absences, and votes cast (yes, abstain or no).</summary>
    private static (int[] Records, int[] Absent, int[] Votes) RecordCounts(CalibrationInput input, int[] first, int[] chain, int total)
    {
        var records = new int[total];
        var absent = new int[total];
        var votes = new int[total];
        var years = input.Years;
        for (int r = 0; r < input.Members.Length; r++)
        {
            int m = input.Members[r];
            int at = chain[m] + years[input.RollCalls[r]] - first[m];
            records[at]++;
            if (input.Choices[r] == VoteChoice.Absent)
            {
                absent[at]++;
            }
            else
            {
                votes[at]++;
            }
        }

        return (records, absent, votes);
    }

    /// <summary>Present votes sorted by member, then year, then roll call, with each member's start offset.</summary>
    private static (int[] MemberStart, int[] RollCall, OrdinalVote[] Choice) VotesByMember(CalibrationInput input)
    {
        var years = input.Years;
        var order = Enumerable.Range(0, input.Members.Length)
            .Where(r => input.Choices[r] != VoteChoice.Absent)
            .OrderBy(r => input.Members[r])
            .ThenBy(r => years[input.RollCalls[r]])
            .ThenBy(r => input.RollCalls[r])
            .ToArray();
        var memberStart = new int[input.MemberCount + 1];
        var rollCall = new int[order.Length];
        var choice = new OrdinalVote[order.Length];
        for (int v = 0; v < order.Length; v++)
        {
            int r = order[v];
            rollCall[v] = input.RollCalls[r];
            choice[v] = input.Choices[r] switch
            {
                VoteChoice.Yes => OrdinalVote.Yes,
                VoteChoice.Abstain => OrdinalVote.Abstain,
                _ => OrdinalVote.No,
            };
            memberStart[input.Members[r] + 1]++;
        }

        AccumulateOffsets(memberStart);
        return (memberStart, rollCall, choice);
    }

    /// <summary>The votes grouped by roll call: each roll call's start offset and the member-order index of each vote.</summary>
    private static (int[] Start, int[] Votes) VotesByRollCall(int[] voteRollCall, int rollCalls)
    {
        var start = new int[rollCalls + 1];
        foreach (int r in voteRollCall)
        {
            start[r + 1]++;
        }

        AccumulateOffsets(start);
        var votes = new int[voteRollCall.Length];
        var fill = start[..^1].ToArray();
        for (int v = 0; v < voteRollCall.Length; v++)
        {
            votes[fill[voteRollCall[v]]++] = v;
        }

        return (start, votes);
    }

    /// <summary>The weight of each of a roll call's issue areas in the position: one over their number (0 without any).</summary>
    private static double[] IssueWeights(CalibrationInput input) =>
        input.Issues.Select(b => b == 0 ? 0.0 : 1.0 / BitOperations.PopCount(b)).ToArray();

    /// <summary>Bridges as adjacency lists in both directions: each roll call's start offset and its partners.</summary>
    private static (int[] Start, int[] Target) Bridges(CalibrationInput input, int rollCalls)
    {
        var pairs = input.BridgePairs.SelectMany(b => new[] { (b.First, b.Second), (b.Second, b.First) })
            .Distinct()
            .OrderBy(p => p.Item1).ThenBy(p => p.Item2)
            .ToArray();
        var start = new int[rollCalls + 1];
        foreach (var (from, _) in pairs)
        {
            start[from + 1]++;
        }

        AccumulateOffsets(start);
        return (start, pairs.Select(p => p.Item2).ToArray());
    }

    /// <summary>Turns counts held one place late (entry i + 1 counts row i) into start offsets, in place.</summary>
    private static void AccumulateOffsets(int[] offsets)
    {
        for (int i = 0; i + 1 < offsets.Length; i++)
        {
            offsets[i + 1] += offsets[i];
        }
    }
}
