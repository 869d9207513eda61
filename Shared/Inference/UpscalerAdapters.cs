using RealtimeSR.Shared.Imaging;
using RealtimeSR.Shared.Video;

namespace RealtimeSR.Shared.Inference;

/// <summary>The two shapes pictures come in, fitted to <see cref="IUpscaler"/>'s planes.</summary>
public static class UpscalerAdapters
{
    /// <summary>
    /// Upscales a picture (any range) to an image in [0, 255] quantised to integers, as a saved 8-bit file would
    /// hold it (the benchmark protocol scores that).
    /// </summary>
    public static Image Upscale(this IUpscaler upscaler, Image lr)
    {
        Image unit = lr.ToRange(PixelRange.Unit);
        var sr = new Image(lr.Width * upscaler.Scale, lr.Height * upscaler.Scale, PixelRange.Unit, lr.IsSingleChannelSource);
        upscaler.Upscale(unit.Planes, lr.Width, lr.Height, sr.Planes);
        return sr.ToRange(PixelRange.Byte);
    }

    /// <summary>Upscales a decoded frame into a pooled SR frame of Scale × its size.</summary>
    public static void Upscale(this IUpscaler upscaler, VideoFrame lr, VideoFrame sr)
    {
        if (sr.Width != lr.Width * upscaler.Scale || sr.Height != lr.Height * upscaler.Scale)
        {
            throw new ArgumentException($"sr is {sr.Width}x{sr.Height}, expected {lr.Width * upscaler.Scale}x{lr.Height * upscaler.Scale}", nameof(sr));
        }

        upscaler.Upscale(lr.Pixels, lr.Width, lr.Height, sr.Pixels);
    }
}
