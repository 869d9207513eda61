using System.Diagnostics;

namespace RealtimeSR.Shared.Diagnostics;

/// <summary>
/// When one frame passed each <see cref="TimelineMark"/>, as <see cref="Stopwatch.GetTimestamp"/> ticks (0 = not
/// reached). Owned by a pooled frame and reset when the frame is reused, so recording allocates nothing.
/// </summary>
public sealed class FrameTimeline
{
    private static readonly int MarkCount = Enum.GetValues<TimelineMark>().Length;

    private readonly long[] _ticks = new long[MarkCount];

    /// <summary>Records <paramref name="mark"/> as now.</summary>
    public void Mark(TimelineMark mark) => _ticks[(int)mark] = Stopwatch.GetTimestamp();

    /// <summary>Records <paramref name="mark"/> at <paramref name="ticks"/> (<see cref="Stopwatch"/> ticks).</summary>
    public void Set(TimelineMark mark, long ticks) => _ticks[(int)mark] = ticks;

    /// <summary>The <see cref="Stopwatch"/> ticks of <paramref name="mark"/>, 0 when not reached.</summary>
    public long this[TimelineMark mark] => _ticks[(int)mark];

    /// <summary>Milliseconds from <paramref name="from"/> to <paramref name="to"/>; NaN when either was not reached.</summary>
    public double Milliseconds(TimelineMark from, TimelineMark to)
    {
        long start = _ticks[(int)from], end = _ticks[(int)to];
        return start == 0 || end == 0 ? double.NaN : (end - start) * 1000.0 / Stopwatch.Frequency;
    }

    /// <summary>Copies all marks from <paramref name="other"/> (an SR frame inherits its LR frame's history).</summary>
    public void CopyFrom(FrameTimeline other) => other._ticks.CopyTo(_ticks, 0);

    public void Reset() => Array.Clear(_ticks);
}
