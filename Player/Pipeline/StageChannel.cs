using System.Threading.Channels;

namespace RealtimeSR.Player.Pipeline;

/// <summary>
/// The bounded channel between two stages and the blocking read/write the stage threads use on it. Stages run on
/// their own threads, so blocking there is intended; cancellation is the only way out of a wait.
/// </summary>
public static class StageChannel
{
    /// <summary>Frames that may wait between two stages: enough to absorb jitter, few enough to bound latency and memory.</summary>
    public const int Capacity = 3;

    public static Channel<T> Create<T>(int capacity = Capacity) => Channel.CreateBounded<T>(new BoundedChannelOptions(capacity)
    {
        SingleReader = true,
        SingleWriter = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    [ThreadStatic]
    private static Waiter? threadWaiter;

    /// <summary>Writes <paramref name="item"/>, waiting while the channel is full; false when the reader completed it.</summary>
    public static bool Write<T>(ChannelWriter<T> writer, T item, CancellationToken cancellation)
    {
        while (!writer.TryWrite(item))
        {
            if (!Wait(writer.WaitToWriteAsync(CancellationToken.None), cancellation))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Reads the next item, waiting while the channel is empty. Returns false when the writer completed normally;
    /// rethrows the writer's exception when it completed with one (that is how a stage failure travels downstream).
    /// </summary>
    public static bool TryRead<T>(ChannelReader<T> reader, out T item, CancellationToken cancellation)
    {
        while (!reader.TryRead(out item!))
        {
            if (!Wait(reader.WaitToReadAsync(CancellationToken.None), cancellation))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Blocks until <paramref name="pending"/> completes, without allocating: the channel's wait is asked for without
    /// a token (so it reuses one waiter object instead of making one per wait), its completion sets this thread's
    /// reusable event, and only the blocking wait on that event observes <paramref name="cancellation"/>. Measured:
    /// the plain <c>WaitToReadAsync(token).AsTask()</c> cost ~250 bytes per frame on the inference thread.
    /// </summary>
    private static bool Wait(ValueTask<bool> pending, CancellationToken cancellation)
    {
        if (!pending.IsCompleted)
        {
            Waiter waiter = threadWaiter ??= new Waiter();
            waiter.Event.Reset();
            pending.GetAwaiter().UnsafeOnCompleted(waiter.Signal);
            waiter.Event.Wait(cancellation);
        }

        return pending.GetAwaiter().GetResult();
    }

    /// <summary>One per stage thread: the event a channel wait completes, and the cached delegate that sets it.</summary>
    private sealed class Waiter
    {
        public Waiter()
        {
            Signal = Event.Set;
        }

        public ManualResetEventSlim Event { get; } = new(false);

        public Action Signal { get; }
    }
}
