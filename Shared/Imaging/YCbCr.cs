namespace RealtimeSR.Shared.Imaging;

/// <summary>RGB ↔ Y'CbCr conversion for BT.601 and BT.709, full and limited range.</summary>
public static class YCbCr
{
    /// <summary>Converts an RGB image (either range) to Y'CbCr planes in 8-bit code values.</summary>
    public static YCbCrPlanes FromRgb(Image rgb, ColorMatrix matrix, ColorRange range)
    {
        var (kr, kb) = Coefficients(matrix);
        double kg = 1 - kr - kb;
        var (yScale, yOffset, cScale) = Scaling(range);
        double toUnit = rgb.Range == PixelRange.Byte ? 1.0 / 255 : 1.0;

        int n = rgb.PlaneLength;
        var y = new float[n];
        var cb = new float[n];
        var cr = new float[n];
        ReadOnlySpan<float> r = rgb.ReadPlane(0);
        ReadOnlySpan<float> g = rgb.ReadPlane(1);
        ReadOnlySpan<float> b = rgb.ReadPlane(2);
        for (int i = 0; i < n; i++)
        {
            double rr = r[i] * toUnit, gg = g[i] * toUnit, bb = b[i] * toUnit;
            double luma = kr * rr + kg * gg + kb * bb;
            y[i] = (float)(yOffset + yScale * luma);
            cb[i] = (float)(128 + cScale * (bb - luma) / (2 * (1 - kb)));
            cr[i] = (float)(128 + cScale * (rr - luma) / (2 * (1 - kr)));
        }

        return new YCbCrPlanes(rgb.Width, rgb.Height, y, cb, cr, matrix, range);
    }

    /// <summary>Converts Y'CbCr planes back to an RGB image in [0, 255] (not rounded, not clamped).</summary>
    public static Image ToRgb(YCbCrPlanes planes)
    {
        var (kr, kb) = Coefficients(planes.Matrix);
        double kg = 1 - kr - kb;
        var (yScale, yOffset, cScale) = Scaling(planes.Range);

        var image = new Image(planes.Width, planes.Height, PixelRange.Byte);
        Span<float> r = image.Plane(0);
        Span<float> g = image.Plane(1);
        Span<float> b = image.Plane(2);
        for (int i = 0; i < r.Length; i++)
        {
            double luma = (planes.Y[i] - yOffset) / yScale;
            double pb = (planes.Cb[i] - 128) / cScale;
            double pr = (planes.Cr[i] - 128) / cScale;
            double rr = luma + 2 * (1 - kr) * pr;
            double bb = luma + 2 * (1 - kb) * pb;
            double gg = (luma - kr * rr - kb * bb) / kg;
            r[i] = (float)(rr * 255);
            g[i] = (float)(gg * 255);
            b[i] = (float)(bb * 255);
        }

        return image;
    }

    /// <summary>
    /// Full-range BT.601 luma of one RGB sample, used to turn a picture back into one grey channel; exactly the
    /// common value when R = G = B, so a grey picture survives the round trip.
    /// </summary>
    public static double Grey(double r, double g, double b) =>
        r == g && g == b ? r : 0.299 * r + 0.587 * g + 0.114 * b;

    /// <summary>Kr and Kb of a matrix (Kg = 1 − Kr − Kb).</summary>
    public static (double Kr, double Kb) Coefficients(ColorMatrix matrix) => matrix switch
    {
        ColorMatrix.Bt601 => (0.299, 0.114),
        ColorMatrix.Bt709 => (0.2126, 0.0722),
        _ => throw new ArgumentOutOfRangeException(nameof(matrix), matrix, "unknown colour matrix"),
    };

    private static (double YScale, double YOffset, double CScale) Scaling(ColorRange range) => range switch
    {
        ColorRange.Full => (255, 0, 255),
        ColorRange.Limited => (219, 16, 224),
        _ => throw new ArgumentOutOfRangeException(nameof(range), range, "unknown colour range"),
    };
}
