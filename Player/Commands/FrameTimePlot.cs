using RealtimeSR.Shared.Diagnostics;
using RealtimeSR.Shared.IO;

namespace RealtimeSR.Player.Commands;

/// <summary>A PNG of per-frame inference time and latency for each benchmarked model (ScottPlot).</summary>
internal static class FrameTimePlot
{
    public static void Write(string path, IReadOnlyList<(string Model, IReadOnlyList<FrameRecord> Frames)> runs)
    {
        var plot = new ScottPlot.Plot();
        foreach (var (model, frames) in runs)
        {
            double[] index = frames.Select(f => (double)f.Index).ToArray();
            var infer = plot.Add.Scatter(index, frames.Select(f => double.IsNaN(f.InferMs) ? 0 : f.InferMs).ToArray());
            infer.LegendText = $"{model} infer";
            infer.MarkerSize = 0;
            var latency = plot.Add.Scatter(index, frames.Select(f => double.IsNaN(f.LatencyMs) ? 0 : f.LatencyMs).ToArray());
            latency.LegendText = $"{model} latency";
            latency.MarkerSize = 0;
        }

        plot.Title("Frame times");
        plot.XLabel("frame");
        plot.YLabel("ms");
        plot.ShowLegend();
        AtomicFile.Write(path, temporary => plot.SavePng(temporary, 1200, 600));
    }
}
