using System.Globalization;

namespace RealtimeSR.Player.Rendering.Osd;

/// <summary>
/// Rasterises the statistics overlay (text and a frame-time graph) into an <see cref="OverlayCanvas"/> of fixed
/// size: a half-transparent panel with the rates, stage times, model, resolution and state, and below them bars of
/// the recent frame intervals against a line at the source's frame interval (so a 10 fps clip played on time is
/// green, not "slow"). Formatting the text allocates a few strings, which
/// is why the renderer redraws the panel only when it gets a new <see cref="OsdStats"/>.
/// </summary>
public sealed class OsdPanel
{
    public const int Width = 44 * BitmapFont.CellWidth + 2 * Margin;
    public const int GraphHeight = 48;
    public const int MaxStages = 6;

    private const int Margin = 4;
    private const int TextLines = 8 + MaxStages;

    public OsdPanel()
    {
        Canvas = new OverlayCanvas(Width, 2 * Margin + TextLines * BitmapFont.CellHeight + GraphHeight + Margin);
    }

    public OverlayCanvas Canvas { get; }

    /// <summary>Redraws the whole panel from <paramref name="stats"/> and <paramref name="frameTimes"/>.</summary>
    public void Render(OsdStats stats, FrameTimeGraph frameTimes)
    {
        Canvas.Clear(Rgba.Panel);
        int y = Margin;
        Line(ref y, $"{stats.ModelName} x{stats.Scale}  on {stats.ExecutionProvider}", Rgba.White);
        Line(ref y, $"{stats.LrWidth}x{stats.LrHeight} -> {stats.LrWidth * stats.Scale}x{stats.LrHeight * stats.Scale}"
                    + (stats.Paused ? "   PAUSED" : string.Empty) + (stats.LiveStatus is { } live ? "   " + live.ToUpperInvariant() : string.Empty),
            stats.Paused || stats.LiveStatus is "reconnecting" or "connecting" ? Rgba.Yellow : Rgba.White);
        Line(ref y, $"fps  decode {Number(stats.DecodeFps)}  sr {Number(stats.SrFps)}  display {Number(stats.DisplayFps)}", Rgba.Green);
        Line(ref y, $"dropped {stats.DroppedFrames.ToString(CultureInfo.InvariantCulture)}"
                    + (double.IsNaN(stats.LatencyMilliseconds) ? string.Empty : $"  latency {Number(stats.LatencyMilliseconds)} ms"),
            stats.DroppedFrames > 0 ? Rgba.Red : Rgba.White);
        if (stats.Scores is { } now && stats.MeanScores is { } mean)
        {
            // Against the reference video: this frame, and (in brackets) the mean over the frames shown.
            Line(ref y, $"Y-PSNR bic {Number(now.PsnrBicubic)} sr {Number(now.PsnrSr)} ({Number(mean.PsnrBicubic)} / {Number(mean.PsnrSr)})", Rgba.Green);
            Line(ref y, $"SSIM   bic {Ssim(now.SsimBicubic)} sr {Ssim(now.SsimSr)} ({Ssim(mean.SsimBicubic)} / {Ssim(mean.SsimSr)})", Rgba.Green);
        }
        else
        {
            y += 2 * BitmapFont.CellHeight;
        }

        Line(ref y, $"{"stage",-12}{"p50 ms",8}{"last ms",9}", Rgba.Grey);
        int shown = Math.Min(MaxStages, stats.Stages.Count);
        for (int i = 0; i < shown; i++)
        {
            StageTiming stage = stats.Stages[i];
            Line(ref y, $"{Truncate(stage.Name, 12),-12}{Number(stage.P50Milliseconds),8}{Number(stage.LastMilliseconds),9}", Rgba.White);
        }

        y += (MaxStages - shown) * BitmapFont.CellHeight;
        double reference = stats.SourceFrameMilliseconds > 0 ? stats.SourceFrameMilliseconds : 1000.0 / 30;
        Line(ref y, $"frame time, last {frameTimes.Count} (line: source {Number(reference)} ms)", Rgba.Grey);
        DrawGraph(frameTimes, y, reference);
    }

    private void Line(ref int y, string text, Rgba color)
    {
        Canvas.DrawText(Margin, y, text, color);
        y += BitmapFont.CellHeight;
    }

    /// <param name="frameTimes">Recent intervals between presented frames, ms.</param>
    /// <param name="top">Canvas row where the graph starts.</param>
    /// <param name="referenceMs">The source's frame interval: bars up to a quarter above it are green (on time), up
    /// to 1.75× yellow (late), beyond red (a frame shown twice as long: one missed).</param>
    private void DrawGraph(FrameTimeGraph frameTimes, int top, double referenceMs)
    {
        int left = Margin;
        int width = Width - 2 * Margin;
        int bottom = top + GraphHeight;
        Canvas.FillRect(left, top, width, GraphHeight, new Rgba(30, 30, 30, 200));

        // The scale shows at least 1.5 frame intervals, so a steady rate sits at two thirds and hitches stand out.
        double range = Math.Max(1.5 * referenceMs, frameTimes.Max());
        int referenceY = bottom - (int)Math.Round(referenceMs / range * GraphHeight);
        Canvas.FillRect(left, referenceY, width, 1, Rgba.Grey);

        int count = Math.Min(frameTimes.Count, width);
        for (int i = 0; i < count; i++)
        {
            double ms = frameTimes[frameTimes.Count - count + i];
            int height = Math.Clamp((int)Math.Round(ms / range * GraphHeight), 1, GraphHeight);
            Rgba color = ms > 1.75 * referenceMs ? Rgba.Red : ms > 1.25 * referenceMs ? Rgba.Yellow : Rgba.Green;
            Canvas.FillRect(left + width - count + i, bottom - height, 1, height, color);
        }
    }

    private static string Number(double value) =>
        double.IsFinite(value) ? value.ToString(value >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture) : "-";

    private static string Ssim(double value) =>
        double.IsFinite(value) ? value.ToString("0.000", CultureInfo.InvariantCulture) : "-";

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
