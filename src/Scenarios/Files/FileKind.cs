namespace StemSimulator.Scenarios.Files;

/// <summary>What a path names on disk, as far as reading or writing it safely is concerned.</summary>
public enum FileKind
{
    /// <summary>Nothing is there.</summary>
    Missing,

    /// <summary>A regular file: the only kind stemsim reads input from or replaces.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Folder,

    /// <summary>A symbolic link (only reported when links are not followed).</summary>
    SymbolicLink,

    /// <summary>A character or block device such as /dev/zero or /dev/full.</summary>
    Device,

    /// <summary>A named pipe (FIFO): reading blocks until another process writes.</summary>
    Fifo,

    /// <summary>A Unix domain socket.</summary>
    Socket,
}
