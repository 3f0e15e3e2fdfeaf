namespace StemSimulator.Runner.Infrastructure;

/// <summary>The Parquet types of the tables' columns, named as DuckDB, pyarrow and R's arrow read them.</summary>
internal enum ColumnType
{
    /// <summary>UTF-8 string.</summary>
    String,

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
