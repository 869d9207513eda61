using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using RealtimeSR.Shared.Diagnostics;
using RealtimeSR.Shared.Inference;
using RealtimeSR.Shared.Video;

namespace RealtimeSR.Player.Pipeline;

/// <summary>
/// Runs the upscaler on its own thread ("inference") over frames from the decode stage, into preallocated pooled
/// SR frames, and hands on <see cref="UpscaledFrame"/> pairs through a bounded channel. An optional drop policy
/// sees each frame before inference; a dropped frame goes straight back to its pool and is counted (the live
/// player drops late frames; bench and upscale never drop). A failure, or a failure upstream, completes the
/// output channel with the exception.
/// </summary>
public sealed class InferenceStage
{
    private readonly ChannelReader<VideoFrame> _input;
    private readonly ModelSelection _models;
    private readonly FramePool _srPool;
    private readonly Func<VideoFrame, bool>? _shouldDrop;
    private readonly Channel<UpscaledFrame> _output = StageChannel.Create<UpscaledFrame>();
    private readonly CancellationToken _cancellation;
    private readonly StageThread _thread;
    private readonly ModelRedo? _redo;
    private readonly TemporalDenoiser? _denoiser;

    /// <param name="input">LR frames (the decode stage's output).</param>
    /// <param name="models">The models; the selected one runs on this stage's thread, each frame stamped with its index. Not owned.</param>
    /// <param name="srPool">Frames of Scale × the LR size; not owned.</param>
    /// <param name="cancellation">Stops the stage.</param>
    /// <param name="shouldDrop">Drop policy, asked once per frame before inference; null = never drop.</param>
    /// <param name="meter">Measures each upscale on this stage's thread and marks the frame's timeline; null = a meter of its own.</param>
    /// <param name="redo">Frames sent back after a model switch, upscaled again before any new frame; null = none.</param>
    /// <param name="denoiser">
    /// Filters each LR frame in time, in place, before the model (so the bicubic view shows the same input); its cost
    /// counts as inference. Not shared with another stage. Null = none.
    /// </param>
    public InferenceStage(
        ChannelReader<VideoFrame> input, ModelSelection models, FramePool srPool, CancellationToken cancellation,
        Func<VideoFrame, bool>? shouldDrop = null, StageMeter? meter = null, ModelRedo? redo = null, TemporalDenoiser? denoiser = null)
    {
        _redo = redo;
        _denoiser = denoiser;
        _input = input;
        _models = models;
        _srPool = srPool;
        _cancellation = cancellation;
        _shouldDrop = shouldDrop;
        Meter = meter ?? new StageMeter("infer");
        _thread = new StageThread("inference", Loop);
    }

    /// <summary>What each upscale cost on this stage's thread.</summary>
    public StageMeter Meter { get; }

    public ChannelReader<UpscaledFrame> Output => _output.Reader;

    public Task Completion => _thread.Completion;

    /// <summary>Frames upscaled and handed on.</summary>
    public long Frames { get; private set; }

    /// <summary>Frames the drop policy discarded.</summary>
    public long Dropped { get; private set; }

    public void Start() => _thread.Start();

    public bool Join(TimeSpan timeout) => _thread.Join(timeout);

    private void Loop()
    {
        VideoFrame? lr = null, sr = null;
        try
        {
            while (NextInput(out var frame))
            {
                lr = frame;
                if (_shouldDrop?.Invoke(lr) == true)
                {
                    lr.Return();
                    lr = null;
                    Dropped++;
                    continue;
                }

                sr = RentSr();
                int model = _models.Selected;
                long begin = Meter.Begin(lr.Timeline, TimelineMark.InferStart);
                _denoiser?.Apply(lr.Pixels, lr.Width, lr.Height, lr.Index);
                _models.Models[model].Upscale(lr, sr);
                Meter.End(begin, lr.Timeline, TimelineMark.InferEnd);
                sr.CopyMetadataFrom(lr);
                sr.ModelIndex = model;
                if (!StageChannel.Write(_output.Writer, new UpscaledFrame(lr, sr), _cancellation))
                {
                    break;
                }

                lr = sr = null;
                Frames++;
            }

            lr?.Return();
            sr?.Return();
            _output.Writer.TryComplete();
        }
        catch (Exception e)
        {
            lr?.Return();
            sr?.Return();
            _output.Writer.TryComplete(e);
            throw;
        }
    }

    /// <summary>
    /// An SR frame from the pool. With frames sent back after a model switch, they are upscaled while waiting: they may
    /// hold every SR frame, and only they free one (the render loop waits for them before anything else).
    /// </summary>
    private VideoFrame RentSr()
    {
        if (_redo is null)
        {
            return _srPool.Rent(_cancellation);
        }

        VideoFrame? sr;
        while ((sr = _srPool.TryRent(TimeSpan.FromMilliseconds(1))) is null)
        {
            _cancellation.ThrowIfCancellationRequested();
            UpscaleAgain();
        }

        return sr;
    }

    /// <summary>Upscales the frames sent back after a model switch with the model selected now, and hands them back.</summary>
    private void UpscaleAgain()
    {
        while (_redo!.TryTake(out UpscaledFrame again))
        {
            try
            {
                int model = _models.Selected;
                _models.Models[model].Upscale(again.Lr, again.Sr);
                again.Sr.ModelIndex = model;
                again.Sr.Scores = Shared.Metrics.ReferenceScores.None; // they were for the previous model's picture
            }
            finally
            {
                // Back even when the model failed (the failure ends the stage): the render loop must not wait for it.
                _redo.Done(again);
            }
        }
    }

    /// <summary>
    /// The next LR frame (false at the end of the input), upscaling the frames sent back for a model switch
    /// (<see cref="ModelRedo"/>) first, also while it waits for input.
    /// </summary>
    private bool NextInput(out VideoFrame frame)
    {
        if (_redo is null)
        {
            return StageChannel.TryRead(_input, out frame, _cancellation);
        }

        for (int idle = 0; ; idle++)
        {
            UpscaleAgain();

            if (_input.TryRead(out frame!))
            {
                return true;
            }

            if (_input.Completion.IsCompleted)
            {
                if (_input.Completion.Exception is { } failure)
                {
                    ExceptionDispatchInfo.Capture(failure.InnerException ?? failure).Throw();
                }

                return false;
            }

            StageChannel.Idle(idle, _cancellation);
        }
    }
}
