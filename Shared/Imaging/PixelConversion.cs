namespace RealtimeSR.Shared.Imaging;

/// <summary>
/// The one place samples change representation: [0, 1] float planes (frames, tensors), [0, 255] float values
/// (<see cref="Image"/> in <see cref="PixelRange.Byte"/>) and 8-bit bytes (files, ffmpeg's pipes). One rounding
/// rule everywhere a value becomes 8-bit: half away from zero (MATLAB's <c>round</c>, not banker's rounding),
/// then clamped to [0, 255]; NaN becomes 0. A [0, 1] value is scaled by 255 in double, which is exact for every
/// float, so the rule sees the true product.
/// </summary>
public static class PixelConversion
{
    private static readonly float[] UnitOfByte = Enumerable.Range(0, 256).Select(i => i / 255f).ToArray();

    /// <summary>A [0, 255]-scale value as the 8-bit value a file would hold.</summary>
    public static byte ToByte(double value)
    {
        if (!(value > 0))
        {
            return 0;
        }

        return value >= 254.5 ? (byte)255 : (byte)(int)(value + 0.5);
    }

    /// <summary>A [0, 1] value as the 8-bit value a file would hold.</summary>
    public static byte UnitToByte(float unit) => ToByte(unit * 255.0);

    /// <summary>[0, 255] values to [0, 1] (divided by 255, not rounded).</summary>
    public static void ByteScaleToUnit(ReadOnlySpan<float> source, Span<float> target)
    {
        for (int i = 0; i < source.Length; i++)
        {
            target[i] = source[i] / 255f;
        }
    }

    /// <summary>[0, 1] values to integral [0, 255] values by the rounding rule.</summary>
    public static void UnitToByteScale(ReadOnlySpan<float> source, Span<float> target)
    {
        for (int i = 0; i < source.Length; i++)
        {
            target[i] = UnitToByte(source[i]);
        }
    }

    /// <summary>Planar [0, 1] R, G, B planes to interleaved RGB24 by the rounding rule.</summary>
    public static void PlanarUnitToRgb24(ReadOnlySpan<float> r, ReadOnlySpan<float> g, ReadOnlySpan<float> b, Span<byte> rgb)
    {
        for (int i = 0, j = 0; i < r.Length; i++, j += 3)
        {
            rgb[j] = UnitToByte(r[i]);
            rgb[j + 1] = UnitToByte(g[i]);
            rgb[j + 2] = UnitToByte(b[i]);
        }
    }

    /// <summary>Interleaved RGB24 to planar [0, 1] R, G, B planes (exact: value / 255).</summary>
    public static void Rgb24ToPlanarUnit(ReadOnlySpan<byte> rgb, Span<float> r, Span<float> g, Span<float> b)
    {
        float[] table = UnitOfByte;
        for (int i = 0, j = 0; i < r.Length; i++, j += 3)
        {
            r[i] = table[rgb[j]];
            g[i] = table[rgb[j + 1]];
            b[i] = table[rgb[j + 2]];
        }
    }
}
