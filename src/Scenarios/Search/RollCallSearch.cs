using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using StemSimulator.Scenarios.Reference;

namespace StemSimulator.Scenarios.Search;

/// <summary>
/// Ranked full-text search over the calibrated Assembly roll calls, to find the analog of a vote to come: Lucene.Net's
/// BM25 over the title, the topic of the concerned-party label, the issue areas and the states concerned, with filters
/// by issue area, years and state concerned. The index is built in memory on first use (a few thousand short
/// documents) and read-only afterwards, so one instance serves any number of searches, also concurrently.
/// </summary>
public sealed class RollCallSearch
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly IndexSearcher _searcher;
    private readonly AnalogRollCall[] _rollCalls;
    private readonly IReadOnlyDictionary<string, string[]> _concerns;

    private RollCallSearch(IndexSearcher searcher, AnalogRollCall[] rollCalls, IReadOnlyDictionary<string, string[]> concerns)
    {
        _searcher = searcher;
        _rollCalls = rollCalls;
        _concerns = concerns;
    }

    /// <summary>
    /// Indexes <paramref name="rollCalls"/> with the concerned states and topics of <paramref name="concerns"/> and
    /// <paramref name="topics"/> (by roll-call id) and the state names of <paramref name="catalog"/>.
    /// </summary>
    public static RollCallSearch Build(
        IReadOnlyList<AnalogRollCall> rollCalls, IReadOnlyDictionary<string, string[]> concerns, IReadOnlyDictionary<string, string> topics, ReferenceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(rollCalls);
        ArgumentNullException.ThrowIfNull(concerns);
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(catalog);
        var directory = new RAMDirectory();
        var config = new IndexWriterConfig(Version, new WordAnalyzer()) { Similarity = new BM25Similarity() };
        using (var writer = new IndexWriter(directory, config))
        {
            for (int i = 0; i < rollCalls.Count; i++)
            {
                var r = rollCalls[i];
                var codes = concerns.GetValueOrDefault(r.Id) ?? [];
                var document = new Lucene.Net.Documents.Document
                {
                    new StoredField("index", i),
                    new StringField("symbol", r.Symbol.ToUpperInvariant(), Field.Store.NO),
                    new StringField("id", r.Id, Field.Store.NO),
                    new TextField("title", r.Title, Field.Store.NO),
                    new TextField("topic", topics.GetValueOrDefault(r.Id) ?? string.Empty, Field.Store.NO),
                    new TextField("issues", IssueAreas.Describe(r.IssueMask).Replace(';', ' ').Replace('_', ' '), Field.Store.NO),
                    new TextField("states", string.Join(" ", codes.Select(c => $"{c} {catalog.FindState(c)?.Name}")), Field.Store.NO),
                    new Int32Field("year", r.Date.Year, Field.Store.NO),
                };
                foreach (var issue in IssueAreas.Names.Where((_, k) => (r.IssueMask & (1 << k)) != 0))
                {
                    document.Add(new StringField("issue", issue, Field.Store.NO));
                }

                foreach (var code in codes)
                {
                    document.Add(new StringField("concern", code, Field.Store.NO));
                }

                writer.AddDocument(document);
            }

            writer.Commit();
        }

        var searcher = new IndexSearcher(DirectoryReader.Open(directory)) { Similarity = new BM25Similarity() };
        return new RollCallSearch(searcher, [.. rollCalls], concerns);
    }

    /// <summary>
    /// The roll calls that best match <paramref name="query"/>, best first, at most <paramref name="max"/>. Words match
    /// in any field (the best field counts per word); a symbol or roll-call id in the text puts that roll call first.
    /// Without words, every roll call the filters let through, latest first.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown issue area or a <c>from</c> year after the <c>to</c> year.</exception>
    public IReadOnlyList<RollCallHit> Search(RollCallQuery query, int max = 10)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (query.Issue is { } area && IssueAreas.IndexOf(area) < 0)
        {
            throw new ArgumentException($"unknown issue area '{area}' (issue areas: {string.Join(", ", IssueAreas.Names)})", nameof(query));
        }

        if (query.From > query.To)
        {
            throw new ArgumentException($"--from {query.From} is after --to {query.To}", nameof(query));
        }

        var text = TextQuery(query.Text);
        var filters = Filters(query).ToArray();
        if (text is null)
        {
            // Filters alone: every roll call they admit, latest first.
            var all = Enumerable.Range(0, _rollCalls.Length).Reverse();
            var admitted = filters.Length == 0 ? all : Matching(filters, all);
            return admitted.Take(max).Select(i => Hit(i, 0)).ToArray();
        }

        var combined = new BooleanQuery { { text, Occur.MUST } };
        foreach (var filter in filters)
        {
            combined.Add(new ConstantScoreQuery(filter) { Boost = 0 }, Occur.MUST);
        }

        return _searcher.Search(combined, max).ScoreDocs
            .Select(d => Hit(_searcher.Doc(d.Doc).GetField("index").GetInt32Value()!.Value, d.Score))
            .ToArray();
    }

    private RollCallHit Hit(int index, double score)
    {
        var rollCall = _rollCalls[index];
        return new RollCallHit(rollCall, score, _concerns.GetValueOrDefault(rollCall.Id) ?? []);
    }

    private IEnumerable<int> Matching(Query[] filters, IEnumerable<int> order)
    {
        var all = new BooleanQuery();
        foreach (var filter in filters)
        {
            all.Add(filter, Occur.MUST);
        }

        var hits = _searcher.Search(all, Math.Max(1, _rollCalls.Length)).ScoreDocs
            .Select(d => _searcher.Doc(d.Doc).GetField("index").GetInt32Value()!.Value)
            .ToHashSet();
        return order.Where(hits.Contains);
    }

    private static IEnumerable<Query> Filters(RollCallQuery query)
    {
        if (query.Issue is { } issue)
        {
            yield return new TermQuery(new Term("issue", issue));
        }

        if (query.Concerns is { } concerns)
        {
            yield return new TermQuery(new Term("concern", concerns.ToUpperInvariant()));
        }

        if (query.From is not null || query.To is not null)
        {
            yield return NumericRangeQuery.NewInt32Range("year", query.From, query.To, true, true);
        }
    }

    /// <summary>The scored part: per word the best of the fields; a symbol or id of the text as an exact match.</summary>
    private static BooleanQuery? TextQuery(string text)
    {
        var words = WordTokenizer.Words(text);
        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Count == 0 && !tokens.Any(t => t.Contains('/', StringComparison.Ordinal)))
        {
            return null;
        }

        var query = new BooleanQuery();
        foreach (var word in words.Distinct(StringComparer.Ordinal))
        {
            var best = new DisjunctionMaxQuery(0.1f);
            foreach (var (field, boost) in new[] { ("title", 1f), ("topic", 1f), ("issues", 0.7f), ("states", 0.7f) })
            {
                best.Add(new TermQuery(new Term(field, word)) { Boost = boost });
            }

            query.Add(best, Occur.SHOULD);
        }

        foreach (var token in tokens.Distinct(StringComparer.Ordinal))
        {
            query.Add(new TermQuery(new Term("symbol", token.ToUpperInvariant())) { Boost = 20 }, Occur.SHOULD);
            query.Add(new TermQuery(new Term("id", token)) { Boost = 20 }, Occur.SHOULD);
        }

        return query;
    }
}
