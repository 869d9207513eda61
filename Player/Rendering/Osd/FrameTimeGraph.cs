namespace RealtimeSR.Player.Rendering.Osd;

/// <summary>
/// The most recent frame-to-frame intervals (ms), oldest first, for the OSD's graph. A fixed ring buffer: adding
/// allocates nothing. The default capacity holds 5 s at 60 frames per second.
/// </summary>
public sealed class FrameTimeGraph
{
    private readonly double[] _samples;
    private int _next;

    public FrameTimeGraph(int capacity = 300)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        _samples = new double[capacity];
    }

    public int Capacity => _samples.Length;

    /// <summary>Samples held, up to <see cref="Capacity"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Sample <paramref name="index"/>, 0 = oldest held.</summary>
    public double this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"the graph holds {Count} samples");
            }

            return _samples[(_next - Count + index + _samples.Length) % _samples.Length];
        }
    }

    /// <summary>Records one frame interval in milliseconds (negative or NaN values are stored as 0).</summary>
    public void Add(double milliseconds)
    {
        _samples[_next] = double.IsFinite(milliseconds) && milliseconds > 0 ? milliseconds : 0;
        _next = (_next + 1) % _samples.Length;
        Count = Math.Min(Count + 1, _samples.Length);
    }

    /// <summary>The largest sample held (0 when empty).</summary>
    public double Max()
    {
        double max = 0;
        for (int i = 0; i < Count; i++)
        {
            max = Math.Max(max, this[i]);
        }

        return max;
    }

    public void Clear()
    {
        Count = 0;
        _next = 0;
    }
}
