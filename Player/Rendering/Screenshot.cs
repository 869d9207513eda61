using RealtimeSR.Shared.Imaging;
using Silk.NET.OpenGL;

namespace RealtimeSR.Player.Rendering;

/// <summary>
/// Reads back what was drawn (the bound read framebuffer: a window's back buffer before the swap, or an offscreen
/// <see cref="GlFramebuffer"/>) as an <see cref="Image"/> in [0, 255], row 0 at the top, and saves it as PNG.
/// </summary>
public static class Screenshot
{
    /// <summary>The <paramref name="width"/>×<paramref name="height"/> pixels at the framebuffer's origin.</summary>
    public static Image Capture(GL gl, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var rgba = new byte[4 * width * height];
        gl.PixelStore(PixelStoreParameter.PackAlignment, 4);
        gl.ReadPixels(0, 0, (uint)width, (uint)height, PixelFormat.Rgba, PixelType.UnsignedByte, rgba.AsSpan());

        var image = new Image(width, height, PixelRange.Byte);
        Span<float> r = image.Plane(0);
        Span<float> g = image.Plane(1);
        Span<float> b = image.Plane(2);
        for (int y = 0; y < height; y++)
        {
            // GL rows run bottom to top.
            int source = 4 * (height - 1 - y) * width;
            int target = y * width;
            for (int x = 0; x < width; x++, source += 4)
            {
                r[target + x] = rgba[source];
                g[target + x] = rgba[source + 1];
                b[target + x] = rgba[source + 2];
            }
        }

        return image;
    }

    /// <summary>Captures and writes a PNG atomically (temporary name, renamed when complete).</summary>
    /// <exception cref="ImageFileException">The file cannot be written.</exception>
    public static Image Save(GL gl, int width, int height, string path)
    {
        Image image = Capture(gl, width, height);
        ImageFile.Save(image, path);
        return image;
    }
}
