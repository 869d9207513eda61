using System.Globalization;

namespace RealtimeSR.Shared.Video;

/// <summary>A rectangle of a picture in pixels: top-left corner (<paramref name="X"/>, <paramref name="Y"/>), size <paramref name="Width"/> × <paramref name="Height"/>.</summary>
public sealed record PixelRegion(int X, int Y, int Width, int Height)
{
    /// <summary>Parses "x,y,w,h" (non-negative integers, w and h at least 1).</summary>
    /// <exception cref="RegionException">Not four integers, or a negative corner or empty size.</exception>
    public static PixelRegion Parse(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new int[4];
        if (parts.Length != 4 || parts.Where((p, i) => !int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out values[i])).Any())
        {
            throw new RegionException($"region '{text}' is not x,y,w,h (four integers)");
        }

        if (values[0] < 0 || values[1] < 0 || values[2] < 1 || values[3] < 1)
        {
            throw new RegionException($"region '{text}' needs x,y >= 0 and w,h >= 1");
        }

        return new PixelRegion(values[0], values[1], values[2], values[3]);
    }

    /// <summary>Throws unless the region lies entirely inside a <paramref name="width"/> × <paramref name="height"/> picture.</summary>
    /// <exception cref="RegionException">Part of the region is outside the picture.</exception>
    public void EnsureInside(int width, int height)
    {
        if ((long)X + Width > width || (long)Y + Height > height)
        {
            throw new RegionException($"region {this} is outside the {width}x{height} frame");
        }
    }

    public override string ToString() => $"{X},{Y},{Width},{Height}";
}
