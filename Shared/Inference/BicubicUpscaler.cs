using RealtimeSR.Shared.Imaging;

namespace RealtimeSR.Shared.Inference;

/// <summary>The baseline every model is measured against: MATLAB-compatible bicubic upscaling.</summary>
public sealed class BicubicUpscaler : IImageUpscaler
{
    public const string ModelName = "bicubic";

    public BicubicUpscaler(int scale)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        Scale = scale;
    }

    public string Name => ModelName;

    public int Scale { get; }

    public Image Upscale(Image lr) => MatlabResize.Upscale(lr.Range == PixelRange.Byte ? lr : lr.ToRange(PixelRange.Byte), Scale);

    public void Dispose()
    {
    }
}
