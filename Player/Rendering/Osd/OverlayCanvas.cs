namespace RealtimeSR.Player.Rendering.Osd;

/// <summary>
/// A small CPU-side RGBA8 picture (straight alpha, row 0 at the top) that overlays are drawn into before being
/// uploaded to a <see cref="GlTexture"/>. Drawing reuses the one buffer, so redrawing allocates nothing.
/// </summary>
public sealed class OverlayCanvas
{
    public OverlayCanvas(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        Width = width;
        Height = height;
        Pixels = new byte[4 * width * height];
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>RGBA bytes, 4 × <see cref="Width"/> × <see cref="Height"/>.</summary>
    public byte[] Pixels { get; }

    /// <summary>Fills the whole canvas with one colour (alpha 0 = transparent).</summary>
    public void Clear(Rgba color) => FillRect(0, 0, Width, Height, color);

    /// <summary>Fills a rectangle, clipped to the canvas.</summary>
    public void FillRect(int x, int y, int width, int height, Rgba color)
    {
        int left = Math.Max(0, x);
        int top = Math.Max(0, y);
        int right = Math.Min(Width, x + width);
        int bottom = Math.Min(Height, y + height);
        for (int row = top; row < bottom; row++)
        {
            for (int column = left; column < right; column++)
            {
                Set(column, row, color);
            }
        }
    }

    /// <summary>Draws <paramref name="text"/> with the <see cref="BitmapFont"/>, top-left at (x, y); returns the x after it.</summary>
    public int DrawText(int x, int y, ReadOnlySpan<char> text, Rgba color)
    {
        foreach (char c in text)
        {
            for (int gy = 0; gy < BitmapFont.GlyphHeight; gy++)
            {
                for (int gx = 0; gx < BitmapFont.GlyphWidth; gx++)
                {
                    if (BitmapFont.IsSet(c, gx, gy))
                    {
                        SetClipped(x + gx, y + gy, color);
                    }
                }
            }

            x += BitmapFont.CellWidth;
        }

        return x;
    }

    /// <summary>The colour at (x, y).</summary>
    public Rgba Get(int x, int y)
    {
        int i = Index(x, y);
        return new Rgba(Pixels[i], Pixels[i + 1], Pixels[i + 2], Pixels[i + 3]);
    }

    public void SetClipped(int x, int y, Rgba color)
    {
        if ((uint)x < (uint)Width && (uint)y < (uint)Height)
        {
            Set(x, y, color);
        }
    }

    private void Set(int x, int y, Rgba color)
    {
        int i = Index(x, y);
        Pixels[i] = color.R;
        Pixels[i + 1] = color.G;
        Pixels[i + 2] = color.B;
        Pixels[i + 3] = color.A;
    }

    private int Index(int x, int y)
    {
        if ((uint)x >= (uint)Width || (uint)y >= (uint)Height)
        {
            throw new ArgumentOutOfRangeException(nameof(x), $"({x}, {y}) is outside the {Width}x{Height} canvas");
        }

        return 4 * (y * Width + x);
    }
}
