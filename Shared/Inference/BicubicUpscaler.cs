using RealtimeSR.Shared.Imaging;

namespace RealtimeSR.Shared.Inference;

/// <summary>
/// The baseline every model is measured against: MATLAB-compatible bicubic (<see cref="MatlabResize"/>), the same
/// resampling the benchmarks' bicubic rows use, on the CPU in C#. The resizer and its buffers are made for the first
/// size and reused, so a steady stream of frames allocates nothing.
/// </summary>
public sealed class BicubicUpscaler : IUpscaler
{
    public const string ModelName = "bicubic";

    private MatlabUpscaler? _resizer;
    private float[] _lrBytes = [];
    private float[] _srBytes = [];

    public BicubicUpscaler(int scale)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        Scale = scale;
    }

    public string Name => ModelName;

    public int Scale { get; }

    public string ExecutionProvider => "none";

    public int Threads => 0;

    public bool AllowSpinning => false;

    public void Upscale(ReadOnlySpan<float> lr, int width, int height, Span<float> sr)
    {
        if (_resizer is null || _resizer.Width != width || _resizer.Height != height)
        {
            _resizer = new MatlabUpscaler(width, height, Scale);
            _lrBytes = new float[Image.Channels * width * height];
            _srBytes = new float[Image.Channels * width * Scale * height * Scale];
        }

        // LR values are 8-bit values divided by 255, so going back to bytes (as Image.ToRange does) loses nothing;
        // the resize's output is integral and within [0, 255] already.
        PixelConversion.UnitToByteScale(lr, _lrBytes);
        _resizer.Upscale(_lrBytes, _srBytes);
        PixelConversion.ByteScaleToUnit(_srBytes, sr);
    }

    public void Dispose()
    {
    }
}
