using System.Collections.Frozen;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace StemSimulator.Scenarios.Search;

/// <summary>
/// Splits text into lower-case words of letters and digits, drops common English function words and folds simple
/// plurals ("resolutions" and "resolution" match), for the roll-call search: titles are written in upper case with
/// abbreviations ("RESOL.", "COMM."), so nothing more elaborate pays off.
/// </summary>
internal sealed class WordTokenizer : Tokenizer
{
    private static readonly FrozenSet<string> StopWords = new[]
    {
        "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "its", "of", "on", "or", "that", "the", "to", "which", "with",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly StringBuilder _word = new();
    private int _consumed;

    public WordTokenizer(TextReader input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    /// <summary>The words of <paramref name="text"/> as the index holds them (the query side of the same analysis).</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        using var tokenizer = new WordTokenizer(new StringReader(text));
        var term = tokenizer.GetAttribute<ICharTermAttribute>();
        tokenizer.Reset();
        while (tokenizer.IncrementToken())
        {
            words.Add(term.ToString());
        }

        tokenizer.End();
        return words;
    }

    public override bool IncrementToken()
    {
        ClearAttributes();
        while (true)
        {
            _word.Clear();
            int start = -1;
            int c;
            while ((c = m_input.Read()) >= 0)
            {
                _consumed++;
                char ch = (char)c;
                if (char.IsLetterOrDigit(ch))
                {
                    start = start < 0 ? _consumed - 1 : start;
                    _word.Append(char.ToLowerInvariant(ch));
                }
                else if (_word.Length > 0)
                {
                    break;
                }
            }

            if (_word.Length == 0)
            {
                return false;
            }

            string word = Fold(_word.ToString());
            if (StopWords.Contains(word))
            {
                if (c < 0)
                {
                    return false;
                }

                continue;
            }

            _term.SetEmpty().Append(word);
            _offset.SetOffset(CorrectOffset(start), CorrectOffset(start + _word.Length));
            return true;
        }
    }

    public override void End()
    {
        base.End();
        _offset.SetOffset(CorrectOffset(_consumed), CorrectOffset(_consumed));
    }

    public override void Reset()
    {
        base.Reset();
        _consumed = 0;
    }

    /// <summary>Folds regular English plurals to the singular ("territories" to "territory", "rights" to "right").</summary>
    private static string Fold(string word) => word switch
    {
        { Length: > 4 } when word.EndsWith("ies", StringComparison.Ordinal) => word[..^3] + "y",
        { Length: > 3 } when word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal) => word[..^1],
        _ => word,
    };
}
