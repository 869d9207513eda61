namespace RealtimeSR.Shared.Diagnostics;

/// <summary>
/// The median of the last few values of a running series (a stage's time per frame, a live frame's latency): a ring
/// written by one thread, read from any (a torn read only blurs one figure), without allocating. The median is the
/// lower middle value, a measured one.
/// </summary>
public sealed class RecentMedian
{
    private readonly double[] _values;
    private readonly double[] _scratch;
    private long _count;

    /// <param name="size">How many of the latest values it is taken over.</param>
    public RecentMedian(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        _values = new double[size];
        _scratch = new double[size];
    }

    /// <summary>Values added so far.</summary>
    public long Count => Volatile.Read(ref _count);

    /// <summary>Adds the newest value (one writing thread).</summary>
    public void Add(double value)
    {
        _values[(int)(_count % _values.Length)] = value;
        Volatile.Write(ref _count, _count + 1);
    }

    /// <summary>The median of the last values; NaN before the first.</summary>
    public double Median()
    {
        int count = (int)Math.Min(Count, _values.Length);
        if (count == 0)
        {
            return double.NaN;
        }

        lock (_scratch)
        {
            Array.Copy(_values, _scratch, count);
            Array.Sort(_scratch, 0, count);
            return _scratch[(count - 1) / 2];
        }
    }
}
