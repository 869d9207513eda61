namespace RealtimeSR.Shared.Imaging;

/// <summary>Conversion of computed sample values to 8-bit values, the way MATLAB converts doubles to uint8.</summary>
public static class Quantise
{
    /// <summary>
    /// Rounds half away from zero (MATLAB's <c>round</c>, not banker's rounding) and clamps to [0, 255].
    /// NaN becomes 0.
    /// </summary>
    public static byte ToByte(double value)
    {
        if (!(value > 0))
        {
            return 0;
        }

        return value >= 254.5 ? (byte)255 : (byte)Math.Floor(value + 0.5);
    }
}
