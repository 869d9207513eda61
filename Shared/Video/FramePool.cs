using System.Collections.Concurrent;

namespace RealtimeSR.Shared.Video;

/// <summary>
/// Recycles <see cref="VideoFrame"/>s of one size so the pipeline allocates nothing per frame once warm. At most
/// <see cref="Capacity"/> frames exist; <see cref="Rent"/> waits (with a timeout or a token) when all are out, which
/// is also what bounds memory when a consumer is slow. Thread-safe: stages rent on one thread and return on another.
/// </summary>
public sealed class FramePool : IDisposable
{
    private readonly ConcurrentBag<VideoFrame> _free = [];
    private readonly SemaphoreSlim _available;
    private int _created;

    /// <param name="width">Frame width in pixels.</param>
    /// <param name="height">Frame height in pixels.</param>
    /// <param name="capacity">Most frames ever alive at once (channel capacity + one per stage holding a frame).</param>
    public FramePool(int width, int height, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Width = width;
        Height = height;
        Capacity = capacity;
        _available = new SemaphoreSlim(capacity, capacity);
    }

    public int Width { get; }

    public int Height { get; }

    public int Capacity { get; }

    /// <summary>Frames created so far (never more than <see cref="Capacity"/>; tests use it to see reuse).</summary>
    public int Created => Volatile.Read(ref _created);

    /// <summary>Frames currently rented out.</summary>
    public int Outstanding => Capacity - _available.CurrentCount;

    /// <summary>A frame with cleared timeline; waits until one is returned when all are out.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> fired while waiting.</exception>
    public VideoFrame Rent(CancellationToken cancellation)
    {
        _available.Wait(cancellation);
        if (!_free.TryTake(out VideoFrame? frame))
        {
            Interlocked.Increment(ref _created);
            frame = new VideoFrame(this, Width, Height);
        }

        frame.Timeline.Reset();
        return frame;
    }

    /// <summary>Like <see cref="Rent"/> but gives up after <paramref name="timeout"/>, returning null.</summary>
    public VideoFrame? TryRent(TimeSpan timeout)
    {
        if (!_available.Wait(timeout))
        {
            return null;
        }

        if (!_free.TryTake(out VideoFrame? frame))
        {
            Interlocked.Increment(ref _created);
            frame = new VideoFrame(this, Width, Height);
        }

        frame.Timeline.Reset();
        return frame;
    }

    /// <summary>Takes <paramref name="frame"/> back. Returning a frame of another pool is a bug.</summary>
    public void Return(VideoFrame frame)
    {
        if (!ReferenceEquals(frame.Pool, this))
        {
            throw new ArgumentException("the frame belongs to another pool", nameof(frame));
        }

        _free.Add(frame);
        _available.Release();
    }

    public void Dispose() => _available.Dispose();
}
