namespace RealtimeSR.Shared.Diagnostics;

/// <summary>
/// The distribution summary the reports use: p50, p95, p99 and max by the nearest-rank method (the smallest
/// sample with at least p % of samples at or below it), so every figure is a measured value, not an interpolation.
/// </summary>
/// <param name="P50">Median.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="P99">99th percentile.</param>
/// <param name="Max">Largest sample.</param>
public readonly record struct Percentiles(double P50, double P95, double P99, double Max)
{
    /// <summary>The summary of <paramref name="samples"/> (NaN samples are ignored; all NaN when none remain).</summary>
    public static Percentiles Of(IEnumerable<double> samples)
    {
        double[] sorted = samples.Where(s => !double.IsNaN(s)).Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Percentiles(double.NaN, double.NaN, double.NaN, double.NaN);
        }

        return new Percentiles(Rank(sorted, 50), Rank(sorted, 95), Rank(sorted, 99), sorted[^1]);
    }

    /// <summary>Nearest rank: the ⌈p/100 · n⌉-th smallest of <paramref name="sorted"/> (1-based).</summary>
    public static double Rank(IReadOnlyList<double> sorted, double percent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(percent, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        int rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Max(rank, 1) - 1];
    }
}
