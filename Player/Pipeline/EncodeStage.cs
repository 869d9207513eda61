using System.Threading.Channels;
using RealtimeSR.Shared.Diagnostics;
using RealtimeSR.Shared.Video;

namespace RealtimeSR.Player.Pipeline;

/// <summary>
/// Writes upscaled frames to a <see cref="VideoWriter"/> on its own thread ("encode"), records each frame's
/// timeline, returns the frames to their pools, and completes the writer (temporary file renamed) after the last
/// frame. A failure here or upstream leaves the writer uncompleted (its owner disposes it, which deletes the
/// temporary file) and faults <see cref="Completion"/>.
/// </summary>
public sealed class EncodeStage
{
    private readonly ChannelReader<UpscaledFrame> _input;
    private readonly VideoWriter _writer;
    private readonly Func<UpscaledFrame, VideoFrame> _picture;
    private readonly TimelineRecorder _recorder;
    private readonly Action<long>? _progress;
    private readonly CancellationToken _cancellation;
    private readonly StageThread _thread;

    /// <param name="input">The inference stage's output.</param>
    /// <param name="writer">Not owned; completed by this stage on success.</param>
    /// <param name="picture">What to encode for each frame (the SR frame, or a comparison composed from both).</param>
    /// <param name="recorder">Receives each frame's timeline.</param>
    /// <param name="cancellation">Stops the stage.</param>
    /// <param name="progress">Called with the count of frames written so far, on this stage's thread.</param>
    public EncodeStage(
        ChannelReader<UpscaledFrame> input, VideoWriter writer, Func<UpscaledFrame, VideoFrame> picture, TimelineRecorder recorder,
        CancellationToken cancellation, Action<long>? progress = null)
    {
        _input = input;
        _writer = writer;
        _picture = picture;
        _recorder = recorder;
        _cancellation = cancellation;
        _progress = progress;
        _thread = new StageThread("encode", Loop);
    }

    public Task Completion => _thread.Completion;

    public long Frames { get; private set; }

    /// <summary>What writing each frame cost on this stage's thread (it marks the frame's timeline).</summary>
    public StageMeter Meter { get; } = new("encode");

    public void Start() => _thread.Start();

    public bool Join(TimeSpan timeout) => _thread.Join(timeout);

    private void Loop()
    {
        while (StageChannel.TryRead(_input, out var frame, _cancellation))
        {
            try
            {
                var sr = frame.Sr;
                long begin = Meter.Begin(sr.Timeline, TimelineMark.OutputStart);
                _writer.Write(_picture(frame));
                Meter.End(begin, sr.Timeline, TimelineMark.OutputEnd);
                _recorder.Add(sr.Index, sr.PtsSeconds, sr.Timeline);
            }
            finally
            {
                frame.Return();
            }

            Frames++;
            _progress?.Invoke(Frames);
        }

        _writer.Complete();
    }
}
