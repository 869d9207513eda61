using RealtimeSR.Shared.Imaging;
using RealtimeSR.Shared.Inference;
using RealtimeSR.Shared.Video;

namespace RealtimeSR.Player.Pipeline;

/// <summary>
/// The comparison baseline as a "model": MATLAB-compatible bicubic (<see cref="MatlabResize"/>), the same
/// resampling the benchmarks' bicubic rows use. Runs on the CPU in C#; unlike the ONNX path it allocates
/// intermediate pictures per frame (it reuses the imaging code rather than duplicating it).
/// </summary>
public sealed class BicubicFrameUpscaler : IFrameUpscaler
{
    public BicubicFrameUpscaler(int scale)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        Scale = scale;
    }

    public string Name => BicubicUpscaler.ModelName;

    public int Scale { get; }

    public string ExecutionProvider => "none";

    public int Threads => 0;

    public bool AllowSpinning => false;

    public void Upscale(VideoFrame lr, VideoFrame sr)
    {
        if (sr.Width != lr.Width * Scale || sr.Height != lr.Height * Scale)
        {
            throw new ArgumentException($"sr is {sr.Width}x{sr.Height}, expected {lr.Width * Scale}x{lr.Height * Scale}", nameof(sr));
        }

        // The LR frame holds 8-bit values divided by 255, so going to byte range here loses nothing.
        var lrImage = new Image(lr.Width, lr.Height, PixelRange.Unit, lr.Pixels).ToRange(PixelRange.Byte);
        var upscaled = MatlabResize.Upscale(lrImage, Scale);
        ReadOnlySpan<float> source = upscaled.Planes;
        Span<float> target = sr.Pixels;
        for (int i = 0; i < source.Length; i++)
        {
            target[i] = Math.Clamp(source[i] / 255f, 0f, 1f);
        }
    }

    public void Dispose()
    {
    }
}
