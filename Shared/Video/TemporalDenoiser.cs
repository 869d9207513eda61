namespace RealtimeSR.Shared.Video;

/// <summary>
/// A motion-adaptive recursive temporal filter for a stream of frames (the idea of ffmpeg's hqdn3d, temporal part):
/// each pixel is pulled towards its filtered value in the previous frame by a weight that falls as the two differ.
/// A still pixel's frame-to-frame codec and sensor noise averages out over several frames; a pixel that changes by
/// much more than <see cref="Strength"/> (motion, a cut) passes almost unchanged. One weight per pixel, from the mean
/// absolute difference of its three channels, so a moving edge does not change colour.
/// <para>
/// Why: on compressed camera video a network sharpens the noise that differs from frame to frame, and its output
/// flickers more than bicubic's; filtering its input in time removes that without costing PSNR (media/README.md).
/// </para>
/// </summary>
public sealed class TemporalDenoiser
{
    /// <summary>A frame more than this many frames after the previous one (a seek) starts the filter afresh.</summary>
    public const long MaxGap = 30;

    /// <summary>The largest strength accepted: beyond it every moving object leaves a trail.</summary>
    public const double MaxStrength = 64;

    /// <summary>What the strengths accepted are, for a command's one-line refusal: "above 0 and at most 64 (8-bit levels)".</summary>
    public static readonly string StrengthRange = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"above 0 and at most {MaxStrength} (8-bit levels)");

    /// <summary>Differences are looked up in steps of 1/16 of an 8-bit level.</summary>
    private const int StepsPerLevel = 16;

    private const int TableLength = 255 * StepsPerLevel + 1;

    private readonly float[] _weights = new float[TableLength];
    private float[] _previous = [];
    private long _previousIndex = -1;
    private bool _hasPrevious;

    /// <param name="strength">
    /// The difference between a pixel and its past, in 8-bit levels (0–255 scale), at which it keeps a quarter of its
    /// past; a still pixel keeps all of it. Larger = smoother and more ghosting. Between 0 (exclusive) and 64.
    /// </param>
    public TemporalDenoiser(double strength)
    {
        if (!IsValidStrength(strength))
        {
            throw new ArgumentOutOfRangeException(nameof(strength), strength, $"a temporal denoise strength is {StrengthRange}");
        }

        Strength = strength;

        // weight(d) = (1 − d)^γ with d the difference on [0, 1]: 1 at d = 0, ¼ at d = strength / 255, falling to 0.
        double gamma = Math.Log(0.25) / Math.Log(1 - (strength / 255));
        for (int i = 0; i < TableLength; i++)
        {
            _weights[i] = (float)Math.Pow(1 - ((double)i / (TableLength - 1)), gamma);
        }
    }

    /// <summary>Whether <paramref name="strength"/> is one the constructor takes (<see cref="StrengthRange"/>; NaN is not).</summary>
    public static bool IsValidStrength(double strength) => strength > 0 && strength <= MaxStrength;

    /// <summary>The difference (8-bit levels) at which a pixel keeps a quarter of its past.</summary>
    public double Strength { get; }

    /// <summary>
    /// Filters <paramref name="pixels"/> (planar CHW float RGB in [0, 1], <paramref name="width"/> × <paramref name="height"/>)
    /// in place, against the frames given before it. <paramref name="index"/> is the frame's position in the stream:
    /// a frame at or before the previous one, or more than <see cref="MaxGap"/> after it, or of another size, starts
    /// afresh (it is kept as it is). Allocation-free once a size has been seen.
    /// </summary>
    public void Apply(Span<float> pixels, int width, int height, long index)
    {
        int plane = width * height;
        if (pixels.Length != 3 * plane)
        {
            throw new ArgumentException($"{pixels.Length} samples are not 3 planes of {width}x{height}", nameof(pixels));
        }

        bool continues = _hasPrevious && _previous.Length == pixels.Length && index > _previousIndex && index - _previousIndex <= MaxGap;
        _previousIndex = index;
        _hasPrevious = true;
        if (!continues)
        {
            if (_previous.Length != pixels.Length)
            {
                _previous = new float[pixels.Length];
            }

            pixels.CopyTo(_previous);
            return;
        }

        Span<float> previous = _previous;
        Span<float> r = pixels[..plane], g = pixels.Slice(plane, plane), b = pixels.Slice(2 * plane, plane);
        Span<float> pr = previous[..plane], pg = previous.Slice(plane, plane), pb = previous.Slice(2 * plane, plane);
        const float toSteps = (TableLength - 1) / 3f;
        for (int i = 0; i < plane; i++)
        {
            float dr = pr[i] - r[i], dg = pg[i] - g[i], db = pb[i] - b[i];
            float difference = (MathF.Abs(dr) + MathF.Abs(dg) + MathF.Abs(db)) * toSteps;
            float weight = _weights[Math.Min((int)(difference + 0.5f), TableLength - 1)];
            pr[i] = r[i] += dr * weight;
            pg[i] = g[i] += dg * weight;
            pb[i] = b[i] += db * weight;
        }
    }

    /// <summary>Forgets the past: the next frame is kept as it is.</summary>
    public void Reset() => _hasPrevious = false;
}
