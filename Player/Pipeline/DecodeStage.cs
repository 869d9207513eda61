using System.Threading.Channels;
using RealtimeSR.Shared.Diagnostics;
using RealtimeSR.Shared.Video;

namespace RealtimeSR.Player.Pipeline;

/// <summary>
/// Decodes frames on its own thread ("decode") into pooled <see cref="VideoFrame"/>s and passes them on through a
/// bounded channel (capacity <see cref="StageChannel.Capacity"/>). When the pool or the channel is full it waits,
/// which is what paces the decoder to the slowest stage. A failure completes the channel with the exception.
/// </summary>
public sealed class DecodeStage
{
    private readonly IFrameReader _reader;
    private readonly FramePool _pool;
    private readonly Channel<VideoFrame> _output = StageChannel.Create<VideoFrame>();
    private readonly CancellationToken _cancellation;
    private readonly StageThread _thread;
    private readonly long _indexOffset;

    /// <param name="reader">The source (a file or a live stream); not owned.</param>
    /// <param name="pool">Frames of the reader's size; not owned.</param>
    /// <param name="cancellation">Stops the stage (Ctrl-C, or a later stage failing).</param>
    /// <param name="meter">Measures each frame's read and conversion on this stage's thread (the reader marks the frame's
    /// timeline itself); null = a meter of its own.</param>
    /// <param name="indexOffset">
    /// Added to every frame's <see cref="VideoFrame.Index"/>: the position of the reader's first frame in the whole
    /// stream when the reader starts part-way (after a seek), so indices stay absolute.
    /// </param>
    public DecodeStage(IFrameReader reader, FramePool pool, CancellationToken cancellation, StageMeter? meter = null, long indexOffset = 0)
    {
        if (pool.Width != reader.Width || pool.Height != reader.Height)
        {
            throw new ArgumentException($"pool frames are {pool.Width}x{pool.Height}, the reader produces {reader.Width}x{reader.Height}", nameof(pool));
        }

        _reader = reader;
        _pool = pool;
        _cancellation = cancellation;
        Meter = meter ?? new StageMeter("decode");
        _indexOffset = indexOffset;
        _thread = new StageThread("decode", Loop);
    }

    /// <summary>What each frame's read and conversion cost on this stage's thread.</summary>
    public StageMeter Meter { get; }

    public ChannelReader<VideoFrame> Output => _output.Reader;

    public Task Completion => _thread.Completion;

    /// <summary>Frames decoded and handed on.</summary>
    public long Frames { get; private set; }

    public void Start() => _thread.Start();

    public bool Join(TimeSpan timeout) => _thread.Join(timeout);

    private void Loop()
    {
        VideoFrame? frame = null;
        try
        {
            while (true)
            {
                frame = _pool.Rent(_cancellation);
                long begin = Meter.Begin();
                if (!_reader.Read(frame, _cancellation))
                {
                    break;
                }

                frame.Index += _indexOffset;
                Meter.End(begin);

                if (!StageChannel.Write(_output.Writer, frame, _cancellation))
                {
                    break;
                }

                frame = null;
                Frames++;
            }

            frame?.Return();
            _output.Writer.TryComplete();
        }
        catch (Exception e)
        {
            frame?.Return();
            _output.Writer.TryComplete(e);
            throw;
        }
    }
}
