using System.Globalization;
using StemSimulator.Engine.Calibration;
using StemSimulator.Scenarios.Library;

namespace StemSimulator.Runner.Calibration;

/// <summary>
/// Reads the shared UN data (<c>../shared/data/un</c>, see its README) into one <see cref="UnVotingData"/>:
/// <list type="bullet">
/// <item>roll calls, yes/abstain/no votes and issue tags, 1946 to January 2020: <c>unvotes_dgrtwo/</c>;</item>
/// <item>absences (vote code 8) for the roll calls Voeten's file holds (to 2015): <c>voeten_unvotes_2017/</c>; for
/// the other unvotes roll calls a unit is counted absent when it voted at other roll calls of the same session, on
/// dates around this one, but not at this one (<see cref="UnvotesReader"/>);</item>
/// <item>adopted resolutions after the last unvotes date (to December 2021): <c>undl_2021/</c> (<see cref="UndlReader"/>);</item>
/// <item>Voeten's matched pairs of repeated resolutions and the Bailey-Strezhnev-Voeten ideal points:
/// <c>voeten_idealpoints/</c>; member codes from <c>countries/</c> (<see cref="VoetenFiles"/>);</item>
/// <item>the UN Digital Library's own voting files anywhere else in the folder (<see cref="OfficialVotingFile"/>,
/// merged by <see cref="LibraryMerge"/>).</item>
/// </list>
/// Every row that cannot be used is reported in <see cref="UnVotingData.Problems"/> with its file and line.
/// </summary>
internal static class UnVotingDataLoader
{
    /// <summary>The shared layout's folders; CSV files elsewhere under the data folder are read as library files.</summary>
    private static readonly string[] SharedFolders = ["countries", "unvotes_dgrtwo", "voeten_unvotes_2017", "undl_2021", "voeten_idealpoints", "unsc_vetoes"];

    private static readonly string[] CountryFiles = ["countries/un_member_states_2025.csv", "countries/cow_iso3_crosswalk.csv"];

    private static readonly string[] UnvotesFiles =
    [
        "unvotes_dgrtwo/un_roll_calls.csv",
        "unvotes_dgrtwo/un_roll_call_issues.csv",
        "unvotes_dgrtwo/un_votes.csv",
        "voeten_unvotes_2017/unvotes_1946_2015_members_with_absent.csv",
        "voeten_idealpoints/Matches.csv",
        "voeten_idealpoints/IdealpointestimatesAll_Apr2020.csv",
    ];

    private static readonly string[] UndlFiles = ["undl_2021/resolutions_1946_2021.csv", "undl_2021/ga_votes_long_1946_2021.csv"];

    /// <summary>Files the loader needs, relative to the data folder.</summary>
    public static IReadOnlyList<string> RequiredFiles { get; } = [.. CountryFiles, .. UnvotesFiles[..4], .. UndlFiles, .. UnvotesFiles[4..]];

    /// <summary>
    /// Loads the data under <paramref name="directory"/>: the shared layout (the unvotes group and the undl_2021 group
    /// each whole or absent), the UN Digital Library's own voting files anywhere else in the folder (see
    /// <see cref="OfficialVotingFile"/>), or both; <c>countries/</c> is always needed for the member codes.
    /// </summary>
    /// <exception cref="FileNotFoundException">A file of a group is missing, or the folder holds no votes.</exception>
    public static UnVotingData Load(string directory, CancellationToken cancellationToken = default) => Load(directory, null, cancellationToken);

    /// <summary>
    /// Loads the data under <paramref name="directory"/> as <see cref="Load(string, CancellationToken)"/> does, but
    /// with <paramref name="votesFrom"/> (an update's earlier years) only the votes it needs: given the last year of
    /// the shared layout's roll calls, it names the first year whose votes are needed, and the unvotes votes of the
    /// sessions before that year's first session are passed over without being read (<see cref="CsvPrefix"/>) and are
    /// not in the data. Every roll call, unit and problem is still a full load's, and the votes of the sessions kept
    /// are exactly a full load's.
    /// </summary>
    public static UnVotingData Load(string directory, Func<int, int>? votesFrom, CancellationToken cancellationToken = default)
    {
        string Path(string relative) => System.IO.Path.Combine(directory, relative);
        var (withUnvotes, withUndl, officialFiles) = Sources(directory);
        var problems = new DataProblems();
        var codes = VoetenFiles.ReadUnitCodes(Path(CountryFiles[0]), Path(CountryFiles[1]), problems);
        var rollCalls = new List<RollCallInfo>();
        var votes = new LoadedVotes();
        var unvotes = new UnvotesReader(rollCalls, codes, votes, problems);
        if (withUnvotes)
        {
            unvotes.ReadRollCalls(Path("unvotes_dgrtwo/un_roll_calls.csv"), Path("unvotes_dgrtwo/un_roll_call_issues.csv"));
        }

        int unvotesCount = rollCalls.Count;
        var lastUnvotes = rollCalls.Count > 0 ? rollCalls.Max(r => r.Date) : DateOnly.MinValue;
        var library = new LibraryMerge(lastUnvotes, rollCalls, votes.Unit, votes.Choices, problems);

        // The library's roll calls are read before the votes, so that the last year is known; their problems are
        // listed where a full reading in file order puts them, after the unvotes votes.
        var undlProblems = new DataProblems();
        var undl = new UndlReader(rollCalls, codes);
        if (withUndl)
        {
            undl.ReadRollCalls(Path(UndlFiles[0]), lastUnvotes, undlProblems);
        }

        cancellationToken.ThrowIfCancellationRequested();
        int firstSession = FirstSession(rollCalls, votesFrom);

        ReadVoteFiles(directory, (withUnvotes ? unvotes : null, withUndl ? undl : null), (unvotesCount, firstSession), votes, (library, rollCalls), (undlProblems, problems), cancellationToken);
        var matched = withUnvotes ? VoetenFiles.ReadMatches(Path("voeten_idealpoints/Matches.csv"), unvotes.ByRcid, problems) : [];
        var bsv = withUnvotes ? VoetenFiles.ReadIdealPoints(Path("voeten_idealpoints/IdealpointestimatesAll_Apr2020.csv"), codes, problems) : [];
        cancellationToken.ThrowIfCancellationRequested();
        ReadOfficialFiles(directory, officialFiles, codes, library, problems, cancellationToken);
        return votes.ToData(rollCalls, r => r >= unvotesCount || rollCalls[r].Session >= firstSession, matched, bsv, problems);
    }

    /// <summary>
    /// Reads the votes of the shared layout's groups that are there (a null reader: the group is not): the unvotes
    /// votes, Voeten's absences and the inferred ones, then the Library's votes, merged into <paramref name="votes"/>;
    /// the Library's roll-call problems (<c>Problems.Undl</c>) are listed after the unvotes files', where a reading in
    /// file order puts them.
    /// </summary>
    private static void ReadVoteFiles(string directory, (UnvotesReader? Unvotes, UndlReader? Undl) readers, (int UnvotesCount, int FirstSession) window, LoadedVotes votes, (LibraryMerge Merge, List<RollCallInfo> RollCalls) library, (DataProblems Undl, DataProblems All) problems, CancellationToken cancellationToken)
    {
        string Path(string relative) => System.IO.Path.Combine(directory, relative);
        var (unvotes, undl) = readers;
        var (unvotesCount, firstSession) = window;
        var undlProblems = problems.Undl;

        // The three vote files are independent until their votes are merged: Voeten's absences and the Library's
        // votes are read on threads of their own while the unvotes votes are read here, and merged in the order of
        // reading them one after another (PendingVotes), so the units' numbering and the problems' order stay a
        // sequential reading's. Dedicated threads: the loader itself holds a pool thread.
        var voeten = unvotes is not null ? OnOwnThread(() => unvotes.ReadVoetenAbsences(Path(UnvotesFiles[3]), firstSession), cancellationToken) : null;
        var undlVotes = undl is not null ? OnOwnThread(() => undl.ReadVotes(Path(UndlFiles[1])), cancellationToken) : null;
        try
        {
            if (unvotes is not null)
            {
                unvotes.ReadVotes(Path("unvotes_dgrtwo/un_votes.csv"), firstSession);
                cancellationToken.ThrowIfCancellationRequested();
                var absences = voeten!.GetAwaiter().GetResult();
                absences.Apply(votes, problems.All);
                cancellationToken.ThrowIfCancellationRequested();
                unvotes.InferAbsences(unvotesCount, absences.Covered, firstSession);
            }

            foreach (var (file, line, message) in undlProblems.All)
            {
                problems.All.Report(file, line, message);
            }

            if (undl is not null)
            {
                undlVotes!.GetAwaiter().GetResult().Apply(votes, problems.All);
                library.Merge.AddShared(library.RollCalls, UndlFiles[0]);
            }
        }
        finally
        {
            // Whatever happened here, no reading goes on after the load returns or throws.
            WaitQuietly(voeten, undlVotes);
        }
    }

    /// <summary>Runs <paramref name="read"/> on a thread of its own (not the pool's, which the caller may be holding).</summary>
    private static Task<T> OnOwnThread<T>(Func<T> read, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(read, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Waits until the given reads (null for none) have ended, however they ended.</summary>
    private static void WaitQuietly(params Task?[] reads) =>
        Task.WhenAll(reads.OfType<Task>()).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Wait(CancellationToken.None);

    /// <summary>
    /// The first session whose unvotes votes are read: that of the first roll call of the year
    /// <paramref name="votesFrom"/> names (<see cref="int.MaxValue"/> when no roll call is that late), or
    /// <see cref="int.MinValue"/> (all) without it. A whole session is read, since absences are inferred within one.
    /// </summary>
    private static int FirstSession(List<RollCallInfo> rollCalls, Func<int, int>? votesFrom)
    {
        if (votesFrom is null || rollCalls.Count == 0)
        {
            return int.MinValue;
        }

        int year = votesFrom(rollCalls.Max(r => r.Year));
        return rollCalls.Where(r => r.Year >= year).Select(r => r.Session).DefaultIfEmpty(int.MaxValue).Min();
    }

    /// <summary>Which groups of the shared layout are there, and the library files; throws when the folder holds no votes.</summary>
    private static (bool Unvotes, bool Undl, List<string> Official) Sources(string directory)
    {
        bool withUnvotes = GroupPresent(directory, UnvotesFiles);
        bool withUndl = GroupPresent(directory, UndlFiles);
        foreach (var file in CountryFiles)
        {
            string path = System.IO.Path.Combine(directory, file);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"the UN data folder '{directory}' lacks {file} (expected the layout of ../shared/data/un)", path);
            }
        }

        var officialFiles = OfficialCandidates(directory);
        if (!withUnvotes && !withUndl && officialFiles.Count == 0)
        {
            throw new FileNotFoundException($"the UN data folder '{directory}' holds no votes: neither the layout of ../shared/data/un (unvotes_dgrtwo/, undl_2021/) nor UN Digital Library voting files (*.csv)", System.IO.Path.Combine(directory, UnvotesFiles[0]));
        }

        return (withUnvotes, withUndl, officialFiles);
    }

    private static void ReadOfficialFiles(string directory, List<string> officialFiles, UnitCodes codes, LibraryMerge library, DataProblems problems, CancellationToken cancellationToken)
    {
        foreach (var file in officialFiles)
        {
            string name = System.IO.Path.GetRelativePath(directory, file).Replace('\\', '/');
            var read = OfficialVotingFile.Read(file, name, codes.IsKnown, problems);
            if (read is null)
            {
                problems.Report(name, 1, "the header is neither the layout of ../shared/data/un nor a UN Digital Library voting layout (undl_id with ms_code/ms_vote, ms_codes/ms_votes, or one column per member)");
                continue;
            }

            library.Add(read.Where(r => r.Council == LibraryCouncil.Assembly), name);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Whether a group of shared files is there: all of them (true), none (false); a part is an error.</summary>
    private static bool GroupPresent(string directory, string[] files)
    {
        var missing = files.Where(f => !File.Exists(System.IO.Path.Combine(directory, f))).ToArray();
        if (missing.Length == 0)
        {
            return true;
        }

        if (missing.Length == files.Length)
        {
            return false;
        }

        throw new FileNotFoundException($"the UN data folder '{directory}' lacks {missing[0]} (expected the layout of ../shared/data/un)", System.IO.Path.Combine(directory, missing[0]));
    }

    /// <summary>CSV files outside the shared layout's folders, in ordinal order of their relative path.</summary>
    private static List<string> OfficialCandidates(string directory) =>
        Directory.EnumerateFiles(directory, "*.csv", SearchOption.AllDirectories)
            .Where(f => !SharedFolders.Contains(System.IO.Path.GetRelativePath(directory, f).Split('/', '\\')[0], StringComparer.Ordinal))
            .OrderBy(f => System.IO.Path.GetRelativePath(directory, f), StringComparer.Ordinal)
            .ToList();

    /// <summary>"R/68/262" (the unvotes form) as "A/RES/68/262"; other forms unchanged.</summary>
    internal static string UnSymbol(string unres)
    {
        string s = unres.Trim();
        return s.StartsWith("R/", StringComparison.Ordinal) ? "A/RES/" + s[2..] : s;
    }

    /// <summary>The session of a symbol "A/RES/75/12", else the session open on <paramref name="date"/> (it opens in September).</summary>
    internal static int SessionOf(string symbol, DateOnly date)
    {
        var parts = symbol.Split('/');
        if (parts.Length >= 4 && parts[0] == "A" && parts[1] == "RES" && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int session))
        {
            return session;
        }

        return date.Month >= 9 ? date.Year - 1945 : date.Year - 1946;
    }
}
