namespace StemSimulator.Scenarios.Files;

/// <summary>
/// Reads an input (a scenario, a council file) only from a regular file and never more than a limit, counted while
/// reading: a device such as /dev/zero reports a length of 0 and never ends.
/// </summary>
public static class InputFiles
{
    /// <summary>
    /// The bytes of <paramref name="path"/>, or a message saying why they cannot be had: missing, not a regular file,
    /// larger than <paramref name="maxBytes"/> (<paramref name="what"/> names the file in that message: "a scenario").
    /// </summary>
    public static (byte[]? Bytes, string? Problem) Read(string path, int maxBytes, string what)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return (null, "the file name is empty");
        }

        var kind = FileKinds.Of(path);
        switch (kind)
        {
            case FileKind.Missing:
                return (null, "the file does not exist");
            case FileKind.Folder:
                return (null, "it is a folder; pass a file");
            case FileKind.Device or FileKind.Fifo or FileKind.Socket:
                return (null, $"it is {FileKinds.Describe(kind)}, not a regular file; {what} is read only from a regular file");
        }

        try
        {
            // A regular file's length is known: say it. Counting below still guards /proc files and the like,
            // which report 0 bytes whatever they hold.
            long length = new FileInfo(path).Length;
            if (length > maxBytes)
            {
                return (null, $"the file is {length:N0} bytes; {what} may be at most {maxBytes:N0} bytes");
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            using var memory = new MemoryStream();
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                memory.Write(buffer, 0, read);
                if (memory.Length > maxBytes)
                {
                    return (null, $"the file holds more than {maxBytes:N0} bytes (though it reports {length:N0}); {what} may be at most {maxBytes:N0} bytes");
                }
            }

            return (memory.ToArray(), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot read the file: {e.Message}");
        }
    }
}
