using RealtimeSR.Shared.Imaging;
using RealtimeSR.Shared.Inference;
using RealtimeSR.Shared.Video;

namespace RealtimeSR.Player.Pipeline;

/// <summary>
/// The comparison baseline as a "model": MATLAB-compatible bicubic (<see cref="MatlabResize"/>), the same
/// resampling the benchmarks' bicubic rows use, on the CPU in C#. The resizer and its buffers are made for the first
/// frame size and reused, so a steady stream of frames allocates nothing.
/// </summary>
public sealed class BicubicFrameUpscaler : IFrameUpscaler
{
    private MatlabUpscaler? _resizer;
    private float[] _lrBytes = [];
    private float[] _srBytes = [];

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

        if (_resizer is null || _resizer.Width != lr.Width || _resizer.Height != lr.Height)
        {
            _resizer = new MatlabUpscaler(lr.Width, lr.Height, Scale);
            _lrBytes = new float[lr.Pixels.Length];
            _srBytes = new float[sr.Pixels.Length];
        }

        // The LR frame holds 8-bit values divided by 255, so going to byte range (as Image.ToRange does) loses nothing;
        // the resize's output is integral and within [0, 255] already.
        PixelConversion.UnitToByteScale(lr.Pixels, _lrBytes);
        _resizer.Upscale(_lrBytes, _srBytes);
        PixelConversion.ByteScaleToUnit(_srBytes, sr.Pixels);
    }

    public void Dispose()
    {
    }
}
