namespace StemSimulator.Runner.Infrastructure;

/// <summary>
/// The temporary folders and files this process is writing, so that an interruption that cannot wait for the
/// command to unwind (see <see cref="Interruption"/>) still removes them: nothing half-written is left behind.
/// </summary>
/// <remarks>
/// Publishing (the rename into place) and <see cref="RemoveAll"/> share a lock, so an interruption either comes
/// before the rename, and then nothing is published, or after it, and then the output is whole: never a rename into
/// a folder that is being deleted.
/// </remarks>
internal static class TemporaryOutputs
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<string> Paths = new(StringComparer.Ordinal);
    private static bool _closed;

    /// <summary>
    /// Remembers a temporary folder or file until it is published or <see cref="Forget"/> is called. After an
    /// interruption has removed the outputs, nothing new may start: the command is being cancelled anyway.
    /// </summary>
    public static void Register(string path)
    {
        lock (Gate)
        {
            if (_closed)
            {
                throw new OperationCanceledException("interrupted");
            }

            Paths.Add(path);
        }
    }

    /// <summary>The path was removed by its owner.</summary>
    public static void Forget(string path)
    {
        lock (Gate)
        {
            Paths.Remove(path);
        }
    }

    /// <summary>
    /// Runs <paramref name="publish"/> (the renames that put <paramref name="paths"/> into place) unless an
    /// interruption already removed them, in which case it throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public static void Publish(IReadOnlyCollection<string> paths, Action publish)
    {
        lock (Gate)
        {
            if (_closed)
            {
                throw new OperationCanceledException("interrupted");
            }

            publish();
            foreach (var path in paths)
            {
                Paths.Remove(path);
            }
        }
    }

    /// <summary>Removes every registered path that still exists and refuses new ones; best effort, never throws.</summary>
    public static void RemoveAll()
    {
        lock (Gate)
        {
            _closed = true;
            foreach (var path in Paths)
            {
                // A worker thread may still be adding a file to the folder being deleted; a second try then succeeds.
                for (int attempt = 0; attempt < 3; attempt++)
                {
                    try
                    {
                        if (Directory.Exists(path))
                        {
                            Directory.Delete(path, true);
                        }
                        else if (File.Exists(path))
                        {
                            File.Delete(path);
                        }

                        break;
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        Thread.Sleep(20);
                    }
                }
            }

            Paths.Clear();
        }
    }
}
