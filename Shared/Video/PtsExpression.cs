using System.Globalization;
using System.Text;

namespace RealtimeSR.Shared.Video;

/// <summary>
/// Writes a list of frame timestamps as an ffmpeg expression of the frame number <c>N</c>, for the <c>setpts</c>
/// filter: raw frames piped into ffmpeg carry no timestamps, and this is how the encoder gets the source's back
/// (VFR included).
/// </summary>
/// <remarks>
/// The list is cut into runs where <c>pts[n] = round(p0 + (n − n0)·d)</c> (a constant-rate stretch, whatever the
/// time base's rounding), and the runs are chosen by a balanced tree of <c>if(lt(N, …))</c>, so a CFR video is
/// one line and a VFR one costs log2(runs) comparisons per frame. Frames past the end continue the last run.
/// </remarks>
public static class PtsExpression
{
    /// <summary>The expression giving <paramref name="timestamps"/>[N] (integers, ascending) for N = 0, 1, ….</summary>
    public static string For(IReadOnlyList<long> timestamps)
    {
        if (timestamps.Count == 0)
        {
            throw new ArgumentException("no timestamps", nameof(timestamps));
        }

        var runs = Runs(timestamps);
        var text = new StringBuilder();
        Write(runs, 0, runs.Count, text);
        return text.ToString();
    }

    /// <summary>Evaluates what <see cref="For"/> encodes, for frame <paramref name="n"/> (tests hold the two together).</summary>
    public static long Evaluate(IReadOnlyList<long> timestamps, long n)
    {
        var runs = Runs(timestamps);
        var run = runs.Last(r => r.First <= n || r == runs[0]);
        return (long)Math.Round(run.Pts + (n - run.First) * run.Step, MidpointRounding.AwayFromZero);
    }

    private static List<Run> Runs(IReadOnlyList<long> timestamps)
    {
        var runs = new List<Run>();
        int start = 0;
        while (start < timestamps.Count)
        {
            // round(p0 + k·d) = pts[k] holds exactly for d in [(pts[k] − p0 − ½)/k, (pts[k] − p0 + ½)/k); intersecting
            // those intervals frame by frame finds the longest exact run in one pass.
            long p0 = timestamps[start];
            double low = double.NegativeInfinity, high = double.PositiveInfinity;
            int end = start + 1;
            while (end < timestamps.Count)
            {
                int k = end - start;
                double offset = timestamps[end] - p0;
                double newLow = Math.Max(low, (offset - 0.49) / k);
                double newHigh = Math.Min(high, (offset + 0.49) / k);
                if (newLow > newHigh)
                {
                    break;
                }

                low = newLow;
                high = newHigh;
                end++;
            }

            double step = end - start == 1 ? 0 : (low + high) / 2;
            runs.Add(new Run(start, p0, step));
            start = end;
        }

        return runs;
    }

    private static void Write(List<Run> runs, int from, int to, StringBuilder text)
    {
        if (to - from == 1)
        {
            var run = runs[from];
            text.Append(CultureInfo.InvariantCulture, $"round({run.Pts}+(N-{run.First})*{run.Step.ToString("R", CultureInfo.InvariantCulture)})");
            return;
        }

        int middle = (from + to) / 2;
        text.Append(CultureInfo.InvariantCulture, $"if(lt(N,{runs[middle].First}),");
        Write(runs, from, middle, text);
        text.Append(',');
        Write(runs, middle, to, text);
        text.Append(')');
    }

    private sealed record Run(long First, long Pts, double Step);
}
