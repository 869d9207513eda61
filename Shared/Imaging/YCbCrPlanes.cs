namespace RealtimeSR.Shared.Imaging;

/// <summary>
/// A picture as three full-resolution planes Y, Cb, Cr (row-major), in 8-bit code values (not rounded):
/// with <see cref="ColorRange.Limited"/> Y is in [16, 235] and Cb/Cr in [16, 240]; with full range all three are in [0, 255].
/// </summary>
public sealed record YCbCrPlanes(int Width, int Height, float[] Y, float[] Cb, float[] Cr, ColorMatrix Matrix, ColorRange Range);
