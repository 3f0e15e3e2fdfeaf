using StemSimulator.Engine.Calibration;
using StemSimulator.Engine.Rules;

namespace StemSimulator.Runner.Calibration;

/// <summary>
/// What one vote file read on its own thread (<see cref="UnvotesReader.ReadVoetenAbsences"/>,
/// <see cref="UndlReader.ReadVotes"/>) found, held apart from the loaded votes until the files read before it are in:
/// in file order every unit it numbers and every vote or absence it records, and its problems. <see cref="Apply"/>
/// then does to the votes and problems exactly what reading the file at that point in the sequence did, so the units'
/// numbering, the votes kept and the problems' order are those of reading the files one after another.
/// </summary>
internal sealed class PendingVotes
{
    private readonly List<(int RollCall, string Code, VoteChoice Choice)> _records = [];

    /// <summary>The roll calls the file holds records of (Voeten's file: absences are not inferred for them).</summary>
    public HashSet<int> Covered { get; } = [];

    /// <summary>The file's unusable rows, in file order.</summary>
    public DataProblems Problems { get; } = new();

    /// <summary>Records that a row numbers unit <paramref name="code"/> without a vote that is kept (a passed-over row).</summary>
    public void Number(string code) => _records.Add((-1, code, VoteChoice.Absent));

    /// <summary>Records unit <paramref name="code"/>'s <paramref name="choice"/> at roll call <paramref name="rollCall"/>.</summary>
    public void Add(int rollCall, string code, VoteChoice choice) => _records.Add((rollCall, code, choice));

    /// <summary>
    /// Numbers the units and adds the records to <paramref name="votes"/> in file order, each unless the unit already
    /// has a vote or absence there (a recorded vote wins over an absence of Voeten's: the newer release corrected some
    /// records), and appends the file's problems to <paramref name="problems"/>.
    /// </summary>
    public void Apply(LoadedVotes votes, DataProblems problems)
    {
        foreach (var (rollCall, code, choice) in _records)
        {
            int unit = votes.Unit(code);
            if (rollCall >= 0)
            {
                votes.Choices.TryAdd(LoadedVotes.Key(rollCall, unit), choice);
            }
        }

        foreach (var (file, line, message) in Problems.All)
        {
            problems.Report(file, line, message);
        }
    }
}
