using RealtimeSR.Shared.Imaging;

namespace RealtimeSR.Shared.Inference;

/// <summary>Something that turns a low-resolution picture into one <see cref="Scale"/> times larger.</summary>
public interface IImageUpscaler : IDisposable
{
    /// <summary>A short name for tables and labels ("bicubic", a model file's name).</summary>
    string Name { get; }

    /// <summary>The integer factor between input and output sides.</summary>
    int Scale { get; }

    /// <summary>
    /// Upscales <paramref name="lr"/> (any range) to an image in [0, 255] quantised to integers, as a saved 8-bit
    /// file would hold it; the output is <see cref="Scale"/>× the input on both sides.
    /// </summary>
    Image Upscale(Image lr);
}
