using System.Diagnostics;

namespace RealtimeSR.Shared.Diagnostics;

/// <summary>
/// What one pipeline stage spends per frame, measured on the stage's own thread: wall time busy (working, not
/// waiting on a channel or a pool), CPU time of that thread, and bytes it allocated. A stage calls
/// <see cref="Begin"/> and <see cref="End"/> around each frame's work; other threads read the totals (a torn read
/// of a figure only blurs an OSD value for one refresh). One meter may serve successive stage instances (a seek
/// restarts the stages), so totals cover the whole playback. Recording allocates nothing once the per-frame list
/// has reached its reserved capacity. Given a frame's <see cref="FrameTimeline"/>, the meter also marks it with its
/// own instants, so the per-frame timings and the stage figures measure the same span.
/// </summary>
public sealed class StageMeter
{
    /// <summary>Frames of recent history the OSD's median is taken over.</summary>
    public const int RecentFrames = 64;

    private readonly RecentMedian _recent = new(RecentFrames);
    private readonly List<double> _frameMilliseconds;
    private readonly int _warmUpFrames;
    private long _frames;
    private double _busyMilliseconds;
    private double _cpuMilliseconds;
    private double _cpuAtBegin;
    private long _firstBeginTicks;
    private long _lastEndTicks;
    private long _allocatedAtWarmUp = -1;
    private long _allocatedNow;
    private double _lastMilliseconds;
    private readonly bool _keepRecent;

    /// <param name="name">Short stage name for reports ("decode", "infer", "render").</param>
    /// <param name="expectedFrames">Frames to reserve per-frame storage for.</param>
    /// <param name="warmUpFrames">Frames after which allocations count as steady state (first runs size buffers).</param>
    /// <param name="keepRecent">Keep per-frame times for at most <paramref name="expectedFrames"/> frames, the older half
    /// dropped when full (a live stream that runs for days); false = keep all.</param>
    public StageMeter(string name, int expectedFrames = 1024, int warmUpFrames = 30, bool keepRecent = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(warmUpFrames, 1);
        Name = name;
        _warmUpFrames = warmUpFrames;
        _frameMilliseconds = new List<double>(Math.Max(expectedFrames, 16));
        _keepRecent = keepRecent;
    }

    public string Name { get; }

    /// <summary>Frames the stage finished.</summary>
    public long Frames => Volatile.Read(ref _frames);

    /// <summary>Sum of per-frame busy wall time, ms.</summary>
    public double BusyMilliseconds => _busyMilliseconds;

    /// <summary>Sum of the thread's CPU time inside <see cref="Begin"/>/<see cref="End"/>, ms (NaN where unknown).</summary>
    public double CpuMilliseconds => _cpuMilliseconds;

    /// <summary>The latest frame's busy time, ms.</summary>
    public double LastMilliseconds => _lastMilliseconds;

    /// <summary><see cref="Stopwatch"/> ticks of the first <see cref="Begin"/> (0 before it).</summary>
    public long FirstBeginTicks => Volatile.Read(ref _firstBeginTicks);

    /// <summary><see cref="Stopwatch"/> ticks of the latest <see cref="End"/> (0 before it).</summary>
    public long LastEndTicks => Volatile.Read(ref _lastEndTicks);

    /// <summary>Per-frame busy times in ms, in order (read after the stage stopped).</summary>
    public IReadOnlyList<double> FrameMilliseconds => _frameMilliseconds;

    /// <summary>
    /// Bytes the stage thread allocated per frame after the warm-up frames (NaN until a frame after the warm-up):
    /// the figure that must stay near zero for the pipeline to run without garbage collections.
    /// </summary>
    public double SteadyAllocatedBytesPerFrame
    {
        get
        {
            long baseline = Volatile.Read(ref _allocatedAtWarmUp);
            long steadyFrames = Frames - _warmUpFrames;
            return baseline < 0 || steadyFrames <= 0 ? double.NaN : (Volatile.Read(ref _allocatedNow) - baseline) / (double)steadyFrames;
        }
    }

    /// <summary>Frames counted as steady state so far (after the warm-up).</summary>
    public long SteadyFrames => Math.Max(0, Frames - _warmUpFrames);

    /// <summary>
    /// Marks the start of one frame's work (and <paramref name="mark"/> on <paramref name="timeline"/> with the same
    /// instant); give the result to <see cref="End"/>. Stage thread only.
    /// </summary>
    public long Begin(FrameTimeline? timeline = null, TimelineMark mark = default)
    {
        long now = Stopwatch.GetTimestamp();
        if (_firstBeginTicks == 0)
        {
            Volatile.Write(ref _firstBeginTicks, now);
        }

        _cpuAtBegin = ThreadCpuClock.CurrentThreadMilliseconds();
        timeline?.Set(mark, now);
        return now;
    }

    /// <summary>
    /// Marks the end of the frame begun at <paramref name="beginTicks"/> (and <paramref name="marks"/> on
    /// <paramref name="timeline"/> with the same instant). Stage thread only.
    /// </summary>
    /// <returns>The end, in <see cref="Stopwatch.GetTimestamp"/> ticks.</returns>
    public long End(long beginTicks, FrameTimeline? timeline = null, params ReadOnlySpan<TimelineMark> marks)
    {
        long now = Stopwatch.GetTimestamp();
        foreach (TimelineMark mark in marks)
        {
            timeline?.Set(mark, now);
        }

        double ms = (now - beginTicks) * 1000.0 / Stopwatch.Frequency;
        _cpuMilliseconds += ThreadCpuClock.CurrentThreadMilliseconds() - _cpuAtBegin;
        _busyMilliseconds += ms;
        _lastMilliseconds = ms;
        _recent.Add(ms);
        if (_keepRecent && _frameMilliseconds.Count == _frameMilliseconds.Capacity)
        {
            _frameMilliseconds.RemoveRange(0, _frameMilliseconds.Count / 2); // in place: the capacity stays
        }

        _frameMilliseconds.Add(ms);
        Volatile.Write(ref _lastEndTicks, now);
        long done = _frames + 1;
        Volatile.Write(ref _frames, done);

        // Read after the bookkeeping above so that its own (rare) list growth falls inside the measured span.
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        if (done == _warmUpFrames)
        {
            Volatile.Write(ref _allocatedAtWarmUp, allocated);
        }

        Volatile.Write(ref _allocatedNow, allocated);
        return now;
    }

    /// <summary>Seconds from the earliest first frame to the latest last frame of <paramref name="meters"/>.</summary>
    public static double WallSeconds(IEnumerable<StageMeter> meters)
    {
        long first = long.MaxValue, last = 0;
        foreach (StageMeter meter in meters)
        {
            if (meter.FirstBeginTicks != 0)
            {
                first = Math.Min(first, meter.FirstBeginTicks);
            }

            last = Math.Max(last, meter.LastEndTicks);
        }

        return first == long.MaxValue || last <= first ? 0 : (last - first) / (double)Stopwatch.Frequency;
    }

    /// <summary>Median busy time of the last <see cref="RecentFrames"/> frames, ms (0 before any).</summary>
    /// <remarks>The drop policy (inference thread) and the OSD (render thread) both ask.</remarks>
    public double RecentMedianMilliseconds() => _recent.Count == 0 ? 0 : _recent.Median();
}
