using System.Threading.Channels;
using RealtimeSR.Shared.Diagnostics;
using RealtimeSR.Shared.Inference;
using RealtimeSR.Shared.Metrics;
using RealtimeSR.Shared.Video;

namespace RealtimeSR.Player.Pipeline;

/// <summary>
/// With <c>play --reference HR</c>: on its own thread ("reference"), pairs every upscaled frame with the reference
/// video's frame of the same index (read in step, skipping the frames dropped before inference), scores the SR frame
/// and the CPU (MATLAB) bicubic upscale against it as <c>eval</c> does (<see cref="ReferenceScores"/>, stamped on the
/// SR frame) and hands the three frames on.
/// </summary>
public sealed class ReferenceStage
{
    private readonly ChannelReader<UpscaledFrame> _input;
    private readonly VideoReader _reference;
    private readonly FramePool _referencePool;
    private readonly BicubicUpscaler _bicubic;
    private readonly VideoFrame _bicubicFrame;
    private readonly LumaScorer _scorer;
    private readonly Channel<UpscaledFrame> _output = StageChannel.Create<UpscaledFrame>();
    private readonly CancellationToken _cancellation;
    private readonly StageThread _thread;
    private long _nextReferenceIndex;

    /// <param name="input">The inference stage's output.</param>
    /// <param name="reference">The reference video, positioned at frame <paramref name="firstIndex"/>; not owned.</param>
    /// <param name="firstIndex">Index (in the whole video) of the reference reader's first frame.</param>
    /// <param name="referencePool">Frames of the SR size; not owned.</param>
    /// <param name="scale">The upscaling factor (also the border shaved when scoring).</param>
    /// <param name="cancellation">Stops the stage.</param>
    /// <param name="meter">Per-frame time of reading and scoring.</param>
    public ReferenceStage(
        ChannelReader<UpscaledFrame> input, VideoReader reference, long firstIndex, FramePool referencePool, int scale, CancellationToken cancellation, StageMeter meter)
    {
        _input = input;
        _reference = reference;
        _nextReferenceIndex = firstIndex;
        _referencePool = referencePool;
        _bicubic = new BicubicUpscaler(scale);
        _bicubicFrame = new VideoFrame(referencePool.Width, referencePool.Height);
        _scorer = new LumaScorer(referencePool.Width, referencePool.Height, shave: scale);
        _cancellation = cancellation;
        Meter = meter;
        _thread = new StageThread("reference", Loop);
    }

    public StageMeter Meter { get; }

    public ChannelReader<UpscaledFrame> Output => _output.Reader;

    public Task Completion => _thread.Completion;

    public void Start() => _thread.Start();

    public bool Join(TimeSpan timeout) => _thread.Join(timeout);

    private void Loop()
    {
        UpscaledFrame? pending = null;
        VideoFrame? reference = null;
        try
        {
            while (StageChannel.TryRead(_input, out var pair, _cancellation))
            {
                pending = pair;
                reference = _referencePool.Rent(_cancellation);
                long begin = Meter.Begin();
                do
                {
                    if (!_reference.Read(reference))
                    {
                        throw new VideoFileException(_reference.Info.Path, $"the reference ended before frame {pair.Sr.Index}");
                    }
                }
                while (_nextReferenceIndex++ < pair.Sr.Index);

                _bicubic.Upscale(pair.Lr, _bicubicFrame);
                _scorer.SetReference(reference.Pixels);
                var (psnrBicubic, ssimBicubic) = _scorer.Score(_bicubicFrame.Pixels);
                var (psnrSr, ssimSr) = _scorer.Score(pair.Sr.Pixels);
                pair.Sr.Scores = new ReferenceScores(psnrBicubic, psnrSr, ssimBicubic, ssimSr);
                Meter.End(begin);
                if (!StageChannel.Write(_output.Writer, pair with { Reference = reference }, _cancellation))
                {
                    break;
                }

                pending = null;
                reference = null;
            }

            pending?.Return();
            reference?.Return();
            _output.Writer.TryComplete();
        }
        catch (Exception e)
        {
            pending?.Return();
            reference?.Return();
            _output.Writer.TryComplete(e);
            throw;
        }
    }
}
