namespace RealtimeSR.Player.Rendering.Osd;

/// <summary>
/// The most recent frame-to-frame intervals (ms), oldest first, for the OSD's graph. A fixed ring buffer: adding
/// allocates nothing. The default capacity holds 5 s at 60 frames per second.
/// </summary>
public sealed class FrameTimeGraph
{
    private readonly double[] samples;
    private int next;

    public FrameTimeGraph(int capacity = 300)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        samples = new double[capacity];
    }

    public int Capacity => samples.Length;

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

            return samples[(next - Count + index + samples.Length) % samples.Length];
        }
    }

    /// <summary>Records one frame interval in milliseconds (negative or NaN values are stored as 0).</summary>
    public void Add(double milliseconds)
    {
        samples[next] = double.IsFinite(milliseconds) && milliseconds > 0 ? milliseconds : 0;
        next = (next + 1) % samples.Length;
        Count = Math.Min(Count + 1, samples.Length);
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
        next = 0;
    }
}
