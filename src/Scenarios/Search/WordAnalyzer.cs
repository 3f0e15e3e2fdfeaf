using Lucene.Net.Analysis;

namespace StemSimulator.Scenarios.Search;

/// <summary>The analyzer of every text field of the roll-call index: <see cref="WordTokenizer"/> alone.</summary>
internal sealed class WordAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new WordTokenizer(reader));
}
