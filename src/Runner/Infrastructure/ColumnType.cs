namespace StemSimulator.Runner.Infrastructure;

/// <summary>The Parquet types of the tables' columns, named as DuckDB, pyarrow and R's arrow read them.</summary>
internal enum ColumnType
{
    /// <summary>
    /// UTF-8 string from a small set of values (a code, a name, a label): its Arrow type is a dictionary, so pandas reads
    /// it as a categorical and R's arrow as a factor.
    /// </summary>
    String,

    /// <summary>UTF-8 free text (a title, a subject), mostly different in every row: a plain string in Arrow too.</summary>
    Text,

    /// <summary>Boolean.</summary>
    Bool,

    /// <summary>32-bit integer.</summary>
    Int32,

    /// <summary>64-bit integer.</summary>
    Int64,

    /// <summary>64-bit floating point.</summary>
    Double,

    /// <summary>A calendar day.</summary>
    Date,

    /// <summary>A UTC timestamp (the day's midnight where only a day is meant).</summary>
    Timestamp,
}
