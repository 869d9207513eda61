using System.Diagnostics;

namespace RealtimeSR.Player.Commands;

/// <summary>
/// One self-overwriting stderr line: bar, frames done of total, fps, ETA. Redrawn at most every 200 ms so a fast
/// run does not spend its time printing; safe to call from the encode thread.
/// </summary>
internal sealed class ProgressBar
{
    private const int BarWidth = 24;
    private static readonly long RedrawTicks = Stopwatch.Frequency / 5;

    private readonly string _label;
    private readonly int _total;
    private readonly TextWriter _output;
    private readonly long _start = Stopwatch.GetTimestamp();
    private long _lastDraw;

    public ProgressBar(string label, int total, TextWriter output)
    {
        _label = label;
        _total = Math.Max(total, 1);
        _output = output;
    }

    public void Report(long done)
    {
        long now = Stopwatch.GetTimestamp();
        if (done < _total && now - _lastDraw < RedrawTicks)
        {
            return;
        }

        _lastDraw = now;
        double seconds = (now - _start) / (double)Stopwatch.Frequency;
        double fps = seconds > 0 ? done / seconds : 0;
        int filled = (int)(BarWidth * Math.Min(done, _total) / _total);
        string eta = fps > 0 ? TimeSpan.FromSeconds(Math.Round((_total - done) / fps)).ToString(@"h\:mm\:ss") : "?";
        _output.Write($"\r{_label} [{new string('#', filled)}{new string('-', BarWidth - filled)}] {done}/{_total} frames {fps:F1} fps ETA {eta}  ");
        if (done >= _total)
        {
            _output.WriteLine();
        }
    }
}
