using StemSimulator.Runner.Infrastructure;

namespace StemSimulator.Runner.Calibration;

/// <summary>
/// The calibration tables being written (<see cref="CalibrationTables.Start"/>): the positions and roll-call tables
/// are written beside their targets from the start, each on a core of its own; <see cref="Finish"/> adds the model
/// table and renames all three into place together, so an interruption or a full disk never leaves positions from one
/// calibration beside roll calls from another. Disposing waits for every write and removes whatever was not put in place.
/// </summary>
internal sealed class TableWriting : IDisposable
{
    private readonly List<(string Path, string Temporary, Task Write)> _files = [];
    private readonly (string Path, Func<IReadOnlyList<(string Key, string Value)>, Action<TextWriter>> Write) _model;
    private readonly Action<string, string, Action<TextWriter>> _writeFile;

    /// <param name="tables">The tables written at once: each target path and what writes its text.</param>
    /// <param name="model">The model table's path and what writes it given its rows.</param>
    /// <param name="writeFile">Writes a text to a temporary file (compressed when the target ends in .gz).</param>
    internal TableWriting(
        IEnumerable<(string Path, Action<TextWriter> Write)> tables,
        (string Path, Func<IReadOnlyList<(string Key, string Value)>, Action<TextWriter>> Write) model,
        Action<string, string, Action<TextWriter>> writeFile)
    {
        _model = model;
        _writeFile = writeFile;
        foreach (var (path, write) in tables)
        {
            Add(path, write);
        }
    }

    /// <summary>
    /// Writes the model table with <paramref name="model"/>'s rows, waits for the others and puts all three in place;
    /// the first failure in file order is thrown as it was raised (an <see cref="IOException"/> for a full disk).
    /// </summary>
    public void Finish(IReadOnlyList<(string Key, string Value)> model)
    {
        Add(_model.Path, _model.Write(model));
        WaitQuietly();
        foreach (var file in _files)
        {
            file.Write.GetAwaiter().GetResult();
        }

        TemporaryOutputs.Publish(_files.Select(f => f.Temporary).ToArray(), () =>
        {
            foreach (var (path, temporary, _) in _files)
            {
                File.Move(temporary, path, overwrite: true);
            }
        });
    }

    /// <summary>Waits for the writes and removes the temporary files that were not put in place.</summary>
    public void Dispose()
    {
        WaitQuietly();
        foreach (var (_, temporary, _) in _files)
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }

            TemporaryOutputs.Forget(temporary);
        }
    }

    private void Add(string path, Action<TextWriter> write)
    {
        string temporary = CalibrationTables.TemporaryPath(path);
        _files.Add((path, temporary, Task.Run(() => _writeFile(temporary, path, write))));
    }

    private void WaitQuietly() =>
        Task.WhenAll(_files.Select(f => f.Write)).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Wait(CancellationToken.None);
}
