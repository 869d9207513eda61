using System.Runtime.ExceptionServices;
using RealtimeSR.Player.Pipeline;
using RealtimeSR.Shared.Diagnostics;
using RealtimeSR.Shared.Inference;
using RealtimeSR.Shared.Video;

namespace RealtimeSR.Player.Commands;

/// <summary>
/// Decode → inference, wired the way bench and upscale both use it: pools sized for the channels, a warm-up run so
/// the first frame does not carry the session's one-off set-up, and a linked cancellation that stops both stages
/// when the consumer fails or the user presses Ctrl-C.
/// </summary>
internal sealed class FrontStages : IDisposable
{
    /// <summary>Frames a pool must hold: a full channel, one being filled and one being consumed on each side.</summary>
    private const int PoolCapacity = StageChannel.Capacity + 2;

    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stop;
    private readonly FramePool _lrPool;
    private readonly FramePool _srPool;

    /// <param name="reader">The source; not owned.</param>
    /// <param name="upscaler">The model; not owned.</param>
    /// <param name="cancellation">Ctrl-C.</param>
    /// <param name="denoiser">Filters the LR frames in time before the model (<c>--temporal-denoise</c>); null = none.</param>
    public FrontStages(VideoReader reader, IUpscaler upscaler, CancellationToken cancellation, TemporalDenoiser? denoiser = null)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        _lrPool = new FramePool(reader.Width, reader.Height, PoolCapacity);
        _srPool = new FramePool(reader.Width * upscaler.Scale, reader.Height * upscaler.Scale, PoolCapacity);
        WarmUp(upscaler, reader.Width, reader.Height);
        Decode = new DecodeStage(reader, _lrPool, _stop.Token, new StageMeter("decode", reader.FrameCount + 64));
        Inference = new InferenceStage(Decode.Output, ModelSelection.Of(upscaler), _srPool, _stop.Token, meter: new StageMeter("infer", reader.FrameCount + 64), denoiser: denoiser);
    }

    public DecodeStage Decode { get; }

    public InferenceStage Inference { get; }

    /// <summary>Cancelled when the run must stop (Ctrl-C or a consumer failure); the consumer uses it too.</summary>
    public CancellationToken Token => _stop.Token;

    public void Start()
    {
        Decode.Start();
        Inference.Start();
    }

    /// <summary>
    /// Waits for <paramref name="consumer"/> (the last stage) and rethrows its failure after stopping the front
    /// stages, so an error is raised exactly once, by the stage at the end of the chain.
    /// </summary>
    public void Finish(Task consumer)
    {
        try
        {
            consumer.GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            _stop.Cancel();
            Decode.Join(JoinTimeout);
            Inference.Join(JoinTimeout);
            ExceptionDispatchInfo.Capture(e).Throw();
        }

        Decode.Join(JoinTimeout);
        Inference.Join(JoinTimeout);
    }

    public void Dispose()
    {
        _stop.Cancel();
        Decode.Join(JoinTimeout);
        Inference.Join(JoinTimeout);
        _stop.Dispose();
    }

    private static void WarmUp(IUpscaler upscaler, int width, int height)
    {
        // The first run at a size allocates the session's tensors and checks the output shape.
        var lr = new VideoFrame(width, height);
        var sr = new VideoFrame(width * upscaler.Scale, height * upscaler.Scale);
        upscaler.Upscale(lr, sr);
    }
}
