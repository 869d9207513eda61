using System.Diagnostics;
using System.Threading.Channels;

namespace RealtimeSR.Trainer.Data;

/// <summary>
/// Prepares batches ahead of the training loop on worker threads so that crops and MATLAB downscaling overlap
/// with forward/backward. Worker w builds the steps ≡ w (mod workers) into its own small queue and the loop reads
/// the queues round-robin, so batches arrive in step order and are identical to a single-threaded run.
/// </summary>
internal sealed class BatchLoader : IDisposable
{
    private const int QueueCapacity = 2;
    private static readonly TimeSpan WaitLimit = TimeSpan.FromMinutes(2);

    private readonly Channel<TrainingBatch>[] _queues;
    private readonly Thread[] _workers;
    private readonly CancellationTokenSource _stop = new();
    private readonly CropSampler _sampler;
    private readonly int _batchSize;
    private readonly long _firstStep;
    private long _nextStep;
    private Exception? _failure;

    public BatchLoader(CropSampler sampler, int batchSize, long firstStep, int workers)
    {
        _sampler = sampler;
        _batchSize = batchSize;
        _firstStep = firstStep;
        _nextStep = firstStep;
        _queues = new Channel<TrainingBatch>[Math.Max(1, workers)];
        _workers = new Thread[_queues.Length];
        for (int w = 0; w < _queues.Length; w++)
        {
            _queues[w] = Channel.CreateBounded<TrainingBatch>(new BoundedChannelOptions(QueueCapacity)
            {
                SingleReader = true,
                SingleWriter = true,
            });
            int worker = w;
            _workers[w] = new Thread(() => Produce(worker)) { Name = $"BatchLoader-{w}", IsBackground = true };
            _workers[w].Start();
        }
    }

    /// <summary>Total time the training loop spent waiting for data.</summary>
    public TimeSpan WaitTime { get; private set; }

    /// <summary>The batch for the next step (steps count up from the first step given).</summary>
    public TrainingBatch Next()
    {
        var queue = _queues[(int)((_nextStep - _firstStep) % _queues.Length)];
        long start = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        timeout.CancelAfter(WaitLimit);
        TrainingBatch batch;
        try
        {
            batch = queue.Reader.ReadAsync(timeout.Token).AsTask().GetAwaiter().GetResult();
        }
        catch (ChannelClosedException) when (_failure is not null)
        {
            throw new InvalidOperationException("the batch loader failed", _failure);
        }

        WaitTime += Stopwatch.GetElapsedTime(start);
        _nextStep++;
        return batch;
    }

    public void Dispose()
    {
        _stop.Cancel();
        foreach (Thread worker in _workers)
        {
            worker.Join(TimeSpan.FromSeconds(10));
        }

        _stop.Dispose();
    }

    private void Produce(int worker)
    {
        var writer = _queues[worker].Writer;
        try
        {
            for (long step = _firstStep + worker; !_stop.IsCancellationRequested; step += _queues.Length)
            {
                TrainingBatch batch = _sampler.Batch(step, _batchSize);
                writer.WriteAsync(batch, _stop.Token).AsTask().GetAwaiter().GetResult();
            }
        }
        catch (OperationCanceledException)
        {
            // Disposal: the loop no longer wants batches.
        }
        catch (Exception e)
        {
            _failure = e;
            writer.TryComplete(e);
        }
    }
}
