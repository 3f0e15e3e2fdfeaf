using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using StemSimulator.Engine.Members;
using StemSimulator.Scenarios.Search;

namespace StemSimulator.Scenarios.Reference;

/// <summary>
/// The reference data embedded in the product: the UN member and observer states, dated bloc memberships,
/// the elected Security Council members by year, and the calibrated positions and roll calls. Sources, dates, licences
/// and known approximations are documented in <c>src/Scenarios/ReferenceData/SOURCES.md</c>.
/// </summary>
/// <remarks>
/// Use <see cref="Embedded"/>; the CSV resources are parsed once, on first use, thread-safely. Every row is
/// validated; a malformed resource raises an <see cref="InvalidDataException"/> naming the resource and line.
/// </remarks>
public sealed partial class ReferenceCatalog : IMembershipRecord
{
    internal const string ResourcePrefix = "StemSimulator.Scenarios.ReferenceData.";
    internal const string MembersResource = ResourcePrefix + "members.csv";
    internal const string BlocsResource = ResourcePrefix + "blocs.csv";
    internal const string BlocMembershipsResource = ResourcePrefix + "bloc_memberships.csv";
    internal const string CouncilTermsResource = ResourcePrefix + "council_terms.csv";
    internal const string PositionsResource = ResourcePrefix + "calibration.csv.gz";
    internal const string RollCallsResource = ResourcePrefix + "calibration_roll_calls.csv.gz";
    internal const string CalibrationModelResource = ResourcePrefix + "calibration_model.csv";

    /// <summary>Number of elected (non-permanent) Security Council members in a complete year.</summary>
    internal const int ElectedSeats = 10;

    private static readonly Lazy<ReferenceCatalog> LazyEmbedded =
        new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly string[] Permanent = ["CHN", "FRA", "GBR", "RUS", "USA"];

    private readonly MemberState[] _states;
    private readonly FrozenDictionary<string, MemberState> _stateByCode;
    private readonly FrozenDictionary<int, string[]> _electedByYear;
    private readonly int[] _councilYears;
    private readonly Lazy<RollCallSearch> _search;

    private ReferenceCatalog(
        MemberState[] states,
        FrozenDictionary<string, Bloc> blocs,
        FrozenDictionary<int, string[]> electedByYear,
        CalibratedPositions calibration,
        AnalogRollCalls rollCalls,
        CalibrationModel model)
    {
        _states = states;
        _stateByCode = states.ToFrozenDictionary(s => s.Code, StringComparer.Ordinal);
        Blocs = blocs;
        _electedByYear = electedByYear;
        _councilYears = electedByYear.Where(e => e.Value.Length == ElectedSeats).Select(e => e.Key).Order().ToArray();
        Calibration = calibration;
        RollCalls = rollCalls;
        _search = new Lazy<RollCallSearch>(() => RollCallSearch.Build(rollCalls.All, RollCallConcerns.Embedded, RollCallConcerns.Topics, this), LazyThreadSafetyMode.ExecutionAndPublication);
        rollCalls.Search = () => _search.Value;
        CalibrationModel = model;
        Positions = states.Where(s => !s.IsObserver)
            .Select(s => calibration.Find(s.Code, calibration.LatestYear))
            .OfType<MemberPosition>()
            .ToFrozenDictionary(p => p.Code, StringComparer.Ordinal);
    }

    /// <summary>The catalog built from the CSV files embedded in this assembly; loaded once, on first use.</summary>
    /// <exception cref="InvalidDataException">An embedded resource is missing or malformed (a build defect).</exception>
    public static ReferenceCatalog Embedded => LazyEmbedded.Value;

    /// <summary>The five permanent members of the Security Council, as sorted ISO3 codes: CHN, FRA, GBR, RUS, USA.</summary>
    public static IReadOnlyList<string> PermanentMembers => Permanent;

    /// <summary>
    /// All states in the table, sorted by <see cref="MemberState.Code"/> (ordinal): the 193 UN members and the two
    /// observer states (Holy See, State of Palestine), 195 rows.
    /// </summary>
    public IReadOnlyList<MemberState> States => _states;

    /// <summary>Bloc definitions with their dated memberships, keyed by bloc name (ordinal, for example <c>BRICS</c>).</summary>
    public IReadOnlyDictionary<string, Bloc> Blocs { get; }

    /// <summary>
    /// Years for which all ten elected Security Council members are known (ascending); the years
    /// <see cref="ElectedCouncilMembers"/> accepts.
    /// </summary>
    public IReadOnlyList<int> CouncilYears => _councilYears;

    /// <summary>
    /// Calibrated member positions of the latest calibration year (<see cref="CalibratedPositions.LatestYear"/>), one
    /// per UN member (193 entries, observers excluded), keyed by ISO3 code (ordinal).
    /// </summary>
    public IReadOnlyDictionary<string, MemberPosition> Positions { get; }

    /// <summary>The calibrated positions of every unit and year (the project's own calibration, see SOURCES.md).</summary>
    public CalibratedPositions Calibration { get; }

    /// <summary>The calibrated roll calls, for analog votes (<c>like:</c>).</summary>
    public AnalogRollCalls RollCalls { get; }

    /// <summary>
    /// Ranked search over <see cref="RollCalls"/> by title, topic, issue areas and states concerned (Lucene.Net, an
    /// in-memory index built on first use): how <c>stemsim analogs</c> and the suggestions for an unknown analog find roll calls.
    /// </summary>
    public RollCallSearch RollCallSearch => _search.Value;

    /// <summary>How the calibration was made and its further estimates (shock sizes).</summary>
    public CalibrationModel CalibrationModel { get; }

    /// <summary>The state with ISO3 code <paramref name="code"/> (exact, case-sensitive), or <see langword="null"/>.</summary>
    /// <param name="code">ISO 3166-1 alpha-3 code, upper case (for example <c>NLD</c>).</param>
    public MemberState? FindState(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return _stateByCode.GetValueOrDefault(code);
    }

    /// <summary>
    /// The states that are voting members of the General Assembly on <paramref name="day"/>: admitted on or before
    /// that date, observers excluded; sorted by code. Withdrawals and suspensions are not modelled.
    /// </summary>
    public IReadOnlyList<MemberState> VotingMembersOn(DateOnly day) =>
        _states.Where(s => s.IsVotingMemberOn(day)).ToArray();

    /// <summary>
    /// The ISO3 codes (sorted, ordinal) of the ten elected, non-permanent Security Council members serving in
    /// <paramref name="year"/> (terms run from 1 January to 31 December).
    /// </summary>
    /// <param name="year">A year in <see cref="CouncilYears"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The year's elected membership is not fully known.</exception>
    public IReadOnlyList<string> ElectedCouncilMembers(int year)
    {
        if (_councilYears.Contains(year))
        {
            return _electedByYear[year];
        }

        var message = new StringBuilder();
        message.Append(CultureInfo.InvariantCulture,
            $"The elected Security Council membership is known for {DescribeYears(_councilYears)}; {year} is not covered.");
        if (_electedByYear.TryGetValue(year, out var partial))
        {
            message.Append(CultureInfo.InvariantCulture,
                $" Only {partial.Length} of the {ElectedSeats} elected members of {year} are in the reference data ({string.Join(", ", partial)}).");
        }

        throw new ArgumentOutOfRangeException(nameof(year), year, message.ToString());
    }

    /// <summary>
    /// This catalog with a scenario's evidence: <paramref name="calibration"/> (positions updated from recorded votes) and
    /// the evidence roll calls added to <see cref="RollCalls"/>, so that <c>like</c> can name them.
    /// </summary>
    internal ReferenceCatalog WithEvidence(CalibratedPositions calibration, IEnumerable<AnalogRollCall> rollCalls) =>
        new(_states, (FrozenDictionary<string, Bloc>)Blocs, _electedByYear, calibration, RollCalls.With(rollCalls), CalibrationModel);

    /// <summary>
    /// Builds a catalog from CSV texts keyed by resource name, read through <see cref="Csv.CsvRecordReader"/> (a user's
    /// calibration files, and the tests' independent reading of the embedded tables).
    /// </summary>
    internal static ReferenceCatalog Load(Func<string, TextReader> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        return Load(name => ReferenceRecords.FromReader(open(name), name));
    }

    /// <summary>Builds a catalog from the tables <paramref name="open"/> gives, keyed by resource name.</summary>
    internal static ReferenceCatalog Load(Func<string, ReferenceRecords> open)
    {
        // The roll calls, the largest table and independent of the others, are read meanwhile on a thread of their own
        // (not the thread pool's, which the caller may be occupying).
        var rollCallsRead = Task.Factory.StartNew(() => ReadRollCalls(open), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            var states = ReadStates(open);
            var byCode = states.ToDictionary(s => s.Code, StringComparer.Ordinal);
            var blocs = ReadBlocs(open, byCode);
            var elected = ReadCouncilTerms(open, byCode);
            var model = ReadModel(open);
            var positions = ReadPositions(open, model.Number("position_step_sd") ?? 0.15);
            var rollCalls = rollCallsRead.GetAwaiter().GetResult();
            return new ReferenceCatalog(states, blocs, elected, positions, rollCalls, model);
        }
        catch
        {
            // A problem in an earlier table is the one reported, as when the tables were read in order; the roll
            // calls' reader has stopped before this returns.
            ((IAsyncResult)rollCallsRead).AsyncWaitHandle.WaitOne();
            throw;
        }
    }

    /// <summary>
    /// The embedded members, blocs and Council terms with the calibration table of <paramref name="positionsPath"/>
    /// (the three files of <see cref="CalibrationFiles.PathsFor"/>) in place of the embedded calibration.
    /// </summary>
    /// <exception cref="FileNotFoundException">A file of the table is missing.</exception>
    /// <exception cref="InvalidDataException">A file is malformed; the message names the file and line.</exception>
    public static ReferenceCatalog WithCalibration(string positionsPath)
    {
        var (positions, rollCalls, model) = CalibrationFiles.PathsFor(positionsPath);
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [PositionsResource] = positions,
            [RollCallsResource] = rollCalls,
            [CalibrationModelResource] = model,
        };
        foreach (var file in files.Values)
        {
            if (!File.Exists(file))
            {
                throw new FileNotFoundException($"'{file}' does not exist (a calibration table is the three files stemsim calibrate --out FILE writes: FILE, FILE_roll_calls and FILE_model.csv)", file);
            }
        }

        var embedded = EmbeddedOpener();
        try
        {
            return Load(name =>
            {
                if (!files.TryGetValue(name, out var file))
                {
                    return embedded(name);
                }

                Stream stream = File.OpenRead(file);
                if (file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
                {
                    stream = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress);
                }

                return new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            });
        }
        catch (InvalidDataException e)
        {
            // The readers name resources; here they are the user's files.
            string message = files.Aggregate(e.Message, (m, f) => m.Replace(f.Key, f.Value, StringComparison.Ordinal));
            throw new InvalidDataException(message, e);
        }
    }

    private static ReferenceCatalog LoadEmbedded() => Load(EmbeddedText);

    /// <summary>
    /// An embedded table read from its spans (<see cref="Csv.CsvTextReader"/>): the same records as
    /// <see cref="EmbeddedOpener"/> gives through the stream reader, without a string for every field.
    /// </summary>
    internal static ReferenceRecords EmbeddedText(string name) => ReferenceRecords.FromSpans(EmbeddedOpener()(name), name);

    /// <summary>The embedded tables through the stream reader, as a user's files are read.</summary>
    internal static Func<string, TextReader> EmbeddedOpener()
    {
        var assembly = typeof(ReferenceCatalog).Assembly;
        return name =>
        {
            var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidDataException($"{name}: embedded resource not found in {assembly.GetName().Name}.");
            if (name.EndsWith(".gz", StringComparison.Ordinal))
            {
                stream = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress);
            }

            return new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        };
    }
}
