using RealtimeSR.Shared.IO;

namespace RealtimeSR.Trainer.Training;

/// <summary>Draws the training loss (log scale, left axis) and validation PSNR (right axis) against step.</summary>
internal static class TrainingCurves
{
    public static void Write(string path, string title, IReadOnlyList<(long Step, double Loss)> losses,
        IReadOnlyList<(long Step, double Psnr)> validation)
    {
        var plot = new ScottPlot.Plot();
        plot.Title(title);
        plot.XLabel("step");
        if (losses.Count > 0)
        {
            var loss = plot.Add.Scatter(
                losses.Select(l => (double)l.Step).ToArray(),
                losses.Select(l => Math.Log10(Math.Max(l.Loss, 1e-12))).ToArray());
            loss.LegendText = "log10 training loss";
            loss.MarkerSize = 0;
            plot.Axes.Left.Label.Text = "log10 loss";
        }

        if (validation.Count > 0)
        {
            var psnr = plot.Add.Scatter(
                validation.Select(v => (double)v.Step).ToArray(),
                validation.Select(v => v.Psnr).ToArray());
            psnr.LegendText = "validation PSNR (dB)";
            psnr.Axes.YAxis = plot.Axes.Right;
            plot.Axes.Right.Label.Text = "PSNR (dB)";
        }

        plot.ShowLegend();
        AtomicFile.Write(path, temporary => plot.SavePng(temporary, 900, 500));
    }
}
