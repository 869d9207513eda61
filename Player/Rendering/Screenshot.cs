using RealtimeSR.Shared.Imaging;
using Silk.NET.OpenGL;

namespace RealtimeSR.Player.Rendering;

/// <summary>
/// Reads back what was drawn (the bound read framebuffer: a window's back buffer before the swap, or an offscreen
/// <see cref="GlFramebuffer"/>) as an <see cref="Image"/> in [0, 255], row 0 at the top, and saves it as PNG.
/// </summary>
public static class Screenshot
{
    /// <summary>The <paramref name="width"/>×<paramref name="height"/> pixels at the framebuffer's origin (a new image;
    /// use a <see cref="FramebufferReader"/> to read every frame without allocating).</summary>
    public static Image Capture(GL gl, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var image = new Image(width, height, PixelRange.Byte);
        new FramebufferReader().Read(gl, image);
        return image;
    }

    /// <summary>Captures and writes a PNG atomically (temporary name, renamed when complete).</summary>
    /// <exception cref="ImageWriteException">The file cannot be written.</exception>
    public static Image Save(GL gl, int width, int height, string path)
    {
        Image image = Capture(gl, width, height);
        ImageFile.Save(image, path);
        return image;
    }
}
