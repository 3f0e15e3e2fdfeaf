using System.Text;
using StemSimulator.Scenarios.Diagnostics;

namespace StemSimulator.Runner.Infrastructure;

/// <summary>
/// Standard error for messages: every line goes through <see cref="VisibleText.Escape"/>, so a zero-width space, a
/// right-to-left override or a look-alike letter in a file name or value the message quotes is shown as an escape.
/// </summary>
internal sealed class VisibleTextWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => inner.Write(VisibleText.Escape(value.ToString()));

    public override void Write(string? value) => inner.Write(value is null ? null : VisibleText.Escape(value));

    public override void WriteLine(string? value) => inner.WriteLine(value is null ? null : VisibleText.Escape(value));

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Flush() => inner.Flush();
}
