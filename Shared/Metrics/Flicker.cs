using RealtimeSR.Shared.Imaging;

namespace RealtimeSR.Shared.Metrics;

/// <summary>
/// The temporal figure of a clip: for consecutive frames t−1, t, the mean over pixels of
/// |(SR_t − SR_t−1) − (HR_t − HR_t−1)| on the benchmark Y (0–255 scale, <c>shave</c> px of border left out),
/// averaged over all pairs. It counts changes the HR does not have (a still wall that shimmers, blocks that pop)
/// and motion the SR lost; lower is better. Feed the frames in order.
/// </summary>
public sealed class Flicker
{
    private readonly int _shave;
    private double[]? _previousReference;
    private double[]? _previousCandidate;
    private double _sum;

    public Flicker(int shave)
    {
        _shave = shave;
    }

    /// <summary>Frame pairs seen so far.</summary>
    public int Pairs { get; private set; }

    /// <summary>The mean over the pairs; NaN before the second frame.</summary>
    public double Mean => Pairs == 0 ? double.NaN : _sum / Pairs;

    /// <summary>Adds the next frame of the reference clip and of the candidate.</summary>
    public void Add(Image reference, Image candidate)
    {
        var region = ScoredRegion.Of(reference, candidate, _shave);
        double[] hr = region.Extract(BenchmarkLuma.Of(reference, asGrey: false), reference.Width);
        double[] sr = region.Extract(BenchmarkLuma.Of(candidate, asGrey: false), reference.Width);
        if (_previousReference is { } previousHr && _previousCandidate is { } previousSr)
        {
            double sum = 0;
            for (int i = 0; i < sr.Length; i++)
            {
                sum += Math.Abs(sr[i] - previousSr[i] - (hr[i] - previousHr[i]));
            }

            _sum += sum / sr.Length;
            Pairs++;
        }

        _previousReference = hr;
        _previousCandidate = sr;
    }
}
