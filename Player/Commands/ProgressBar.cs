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
    private readonly long _alreadyDone;
    private readonly long _start = Stopwatch.GetTimestamp();
    private long _lastDraw;
    private long _doneHere;
    private bool _ended;

    /// <param name="label">What is being done (a file name).</param>
    /// <param name="total">Frames in all.</param>
    /// <param name="output">Where the line goes (stderr).</param>
    /// <param name="alreadyDone">Frames done before this run (a resumed job's finished segments): counted as done, not in the fps.</param>
    public ProgressBar(string label, int total, TextWriter output, long alreadyDone = 0)
    {
        _label = label;
        _total = Math.Max(total, 1);
        _output = output;
        _alreadyDone = alreadyDone;
    }

    /// <summary>Redraws the line (at most every 200 ms, and at the end) for <paramref name="doneHere"/> frames done by this run.</summary>
    public void Report(long doneHere)
    {
        _doneHere = doneHere;
        long done = _alreadyDone + doneHere;
        long now = Stopwatch.GetTimestamp();
        if (_ended || (done < _total && now - _lastDraw < RedrawTicks))
        {
            return;
        }

        _lastDraw = now;
        double seconds = (now - _start) / (double)Stopwatch.Frequency;
        double fps = seconds > 0 ? doneHere / seconds : 0;
        int filled = (int)(BarWidth * Math.Min(done, _total) / _total);
        string eta = fps > 0 ? TimeSpan.FromSeconds(Math.Round((_total - done) / fps)).ToString(@"h\:mm\:ss") : "?";
        _output.Write($"\r{_label} [{new string('#', filled)}{new string('-', BarWidth - filled)}] {done}/{_total} frames {fps:F1} fps ETA {eta}  ");
        if (done >= _total)
        {
            _output.WriteLine();
            _ended = true;
        }
    }

    /// <summary>Draws the last state and ends the line, when the run stops short of the total (one segment of several).</summary>
    public void End()
    {
        if (!_ended)
        {
            _lastDraw = 0;
            Report(_doneHere);
            if (!_ended)
            {
                _output.WriteLine();
                _ended = true;
            }
        }
    }
}
