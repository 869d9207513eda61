using System.Globalization;

namespace RealtimeSR.Shared.Video;

/// <summary>A ratio as ffmpeg writes it ("30000/1001", "1:1"): time bases, frame rates, aspect ratios.</summary>
/// <param name="Numerator">Numerator.</param>
/// <param name="Denominator">Denominator; 0 means "unknown" as in ffprobe's "0/0".</param>
public readonly record struct Rational(long Numerator, long Denominator)
{
    public bool IsKnown => Denominator != 0 && Numerator != 0;

    public double ToDouble() => Denominator == 0 ? 0 : (double)Numerator / Denominator;

    /// <summary>Parses "a/b" or "a:b"; null, empty or malformed text gives 0/0.</summary>
    public static Rational Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return default;
        }

        int split = text.IndexOfAny(['/', ':']);
        if (split < 0)
        {
            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long whole) ? new Rational(whole, 1) : default;
        }

        return long.TryParse(text.AsSpan(0, split), NumberStyles.Integer, CultureInfo.InvariantCulture, out long n)
            && long.TryParse(text.AsSpan(split + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out long d)
            ? new Rational(n, d)
            : default;
    }

    public override string ToString() => $"{Numerator}/{Denominator}";
}
