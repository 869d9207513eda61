using System.Threading.Channels;
using RealtimeSR.Shared.Video;

namespace RealtimeSR.Player.Pipeline;

/// <summary>
/// Decodes frames on its own thread ("decode") into pooled <see cref="VideoFrame"/>s and passes them on through a
/// bounded channel (capacity <see cref="StageChannel.Capacity"/>). When the pool or the channel is full it waits,
/// which is what paces the decoder to the slowest stage. A failure completes the channel with the exception.
/// </summary>
public sealed class DecodeStage
{
    private readonly VideoReader _reader;
    private readonly FramePool _pool;
    private readonly Channel<VideoFrame> _output = StageChannel.Create<VideoFrame>();
    private readonly CancellationToken _cancellation;
    private readonly StageThread _thread;

    /// <param name="reader">The source; not owned.</param>
    /// <param name="pool">Frames of the reader's size; not owned.</param>
    /// <param name="cancellation">Stops the stage (Ctrl-C, or a later stage failing).</param>
    public DecodeStage(VideoReader reader, FramePool pool, CancellationToken cancellation)
    {
        if (pool.Width != reader.Width || pool.Height != reader.Height)
        {
            throw new ArgumentException($"pool frames are {pool.Width}x{pool.Height}, the reader produces {reader.Width}x{reader.Height}", nameof(pool));
        }

        _reader = reader;
        _pool = pool;
        _cancellation = cancellation;
        _thread = new StageThread("decode", Loop);
    }

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
                if (!_reader.Read(frame))
                {
                    break;
                }

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
