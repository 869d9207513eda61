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

    private const int SpinsBeforeSleeping = 50;

    public static Channel<T> Create<T>(int capacity = Capacity) => Channel.CreateBounded<T>(new BoundedChannelOptions(capacity)
    {
        SingleReader = true,
        SingleWriter = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

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
    /// Blocks until <paramref name="pending"/> completes, without allocating: a short spin, then 1 ms sleeps until it
    /// has completed. Registering a continuation on the channel's wait instead (and blocking on an event it sets)
    /// allocated on the waiting thread at every blocked wait (StageChannelTests holds this to zero), which showed as
    /// per-frame allocation whenever a stage had to wait, i.e. under load. A wait ends at most one sleep late, well
    /// inside a frame period.
    /// </summary>
    private static bool Wait(ValueTask<bool> pending, CancellationToken cancellation)
    {
        for (int waits = 0; !pending.IsCompleted; waits++)
        {
            Idle(waits, cancellation);
        }

        return pending.GetAwaiter().GetResult();
    }

    /// <summary>
    /// One step of a stage's wait, the <paramref name="waits"/>-th in a row: a short spin, then 1 ms sleeps. Throws when
    /// <paramref name="cancellation"/> fired.
    /// </summary>
    public static void Idle(int waits, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        if (waits < SpinsBeforeSleeping)
        {
            Thread.SpinWait(20);
        }
        else
        {
            Thread.Sleep(1);
        }
    }
}
