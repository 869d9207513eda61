using RealtimeSR.Shared.Imaging;
using Silk.NET.OpenGL;

namespace RealtimeSR.Player.Rendering;

/// <summary>
/// Reads the bound read framebuffer back into an <see cref="Image"/> ([0, 255], row 0 at the top), reusing its
/// buffer so that reading every frame (exporting what the player shows) allocates nothing after the first.
/// </summary>
public sealed class FramebufferReader
{
    private byte[] _rgba = [];

    /// <summary>Fills <paramref name="target"/> (a <see cref="PixelRange.Byte"/> image) with the framebuffer's
    /// <c>target.Width</c>×<c>target.Height</c> pixels at its origin. Blocks until the GPU has drawn them.</summary>
    public void Read(GL gl, Image target)
    {
        if (target.Range != PixelRange.Byte)
        {
            throw new ArgumentException($"read-back fills [0, 255] images, not {target.Range}", nameof(target));
        }

        int width = target.Width;
        int height = target.Height;
        if (_rgba.Length != 4 * width * height)
        {
            _rgba = new byte[4 * width * height];
        }

        gl.PixelStore(PixelStoreParameter.PackAlignment, 4);
        gl.ReadPixels(0, 0, (uint)width, (uint)height, PixelFormat.Rgba, PixelType.UnsignedByte, _rgba.AsSpan());

        Span<float> r = target.Plane(0);
        Span<float> g = target.Plane(1);
        Span<float> b = target.Plane(2);
        for (int y = 0; y < height; y++)
        {
            // GL rows run bottom to top.
            int source = 4 * (height - 1 - y) * width;
            int row = y * width;
            for (int x = 0; x < width; x++, source += 4)
            {
                r[row + x] = _rgba[source];
                g[row + x] = _rgba[source + 1];
                b[row + x] = _rgba[source + 2];
            }
        }
    }
}
