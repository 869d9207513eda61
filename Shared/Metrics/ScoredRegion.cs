using RealtimeSR.Shared.Imaging;

namespace RealtimeSR.Shared.Metrics;

/// <summary>The part of a pair of same-sized images that the metrics score: everything but a border of <c>shave</c> pixels.</summary>
internal readonly record struct ScoredRegion(int Width, int Height, int Shave)
{
    public static ScoredRegion Of(Image reference, Image candidate, int shave)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shave);
        if (reference.Width != candidate.Width || reference.Height != candidate.Height)
        {
            throw new ArgumentException(
                $"images differ in size: reference {reference.Width}x{reference.Height}, " +
                $"candidate {candidate.Width}x{candidate.Height}", nameof(candidate));
        }

        int width = reference.Width - 2 * shave;
        int height = reference.Height - 2 * shave;
        if (width < 1 || height < 1)
        {
            throw new ImageTooSmallException(
                reference.Width, reference.Height, 2 * shave + 1, 2 * shave + 1, $"a {shave}-pixel shave");
        }

        return new ScoredRegion(width, height, shave);
    }

    /// <summary>Copies the scored part of a full-size row-major plane into a new compact array.</summary>
    public double[] Extract(ReadOnlySpan<double> plane, int fullWidth)
    {
        var result = new double[Width * Height];
        for (int y = 0; y < Height; y++)
        {
            plane.Slice((y + Shave) * fullWidth + Shave, Width).CopyTo(result.AsSpan(y * Width, Width));
        }

        return result;
    }
}
