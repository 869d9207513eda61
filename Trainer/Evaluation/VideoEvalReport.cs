using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RealtimeSR.Trainer.Evaluation;

/// <summary>The outcome of <c>eval --video</c>: one row per clip, condition and model, as a table and as JSON.</summary>
internal sealed record VideoEvalReport(int Scale, IReadOnlyList<VideoResult> Results)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>Rows grouped by clip and condition, with each model's gain over the first model of its group (bicubic when asked first).</summary>
    public string ToTable()
    {
        var text = new StringBuilder();
        text.AppendLine($"x{Scale}, Y channel, {Scale} px shaved; flicker = mean |ΔSR − ΔHR| of consecutive frames on Y (lower is better)");
        text.AppendLine($"{"clip",-24} {"LR",-8} {"frames",6} {"model",-26} {"PSNR",7} {"gain",6} {"SSIM",7} {"flicker",8} {"ms/frame",9}");
        foreach (var group in Results.GroupBy(r => (r.Clip, r.Condition)))
        {
            double baseline = group.First().Psnr;
            foreach (VideoResult r in group)
            {
                text.AppendLine($"{r.Clip,-24} {r.Condition,-8} {r.Frames,6} {r.Model,-26} {r.Psnr,7:0.00} {r.Psnr - baseline,6:+0.00;-0.00;0.00} " +
                                $"{r.Ssim,7:0.0000} {r.Flicker,8:0.000} {r.MillisecondsPerFrame,9:0.0}");
            }
        }

        return text.ToString();
    }

    /// <summary><c>{"scale", "results": [{"clip", "condition", "model", "frames", "psnr", "ssim", "flicker", "ms_per_frame"}]}</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(
        new
        {
            Scale,
            Results = Results.Select(r => new
            {
                r.Clip,
                r.Condition,
                r.Model,
                r.Frames,
                Psnr = Math.Round(r.Psnr, 2),
                Ssim = Math.Round(r.Ssim, 4),
                Flicker = Math.Round(r.Flicker, 3),
                MsPerFrame = Math.Round(r.MillisecondsPerFrame, 1),
            }),
        },
        JsonOptions);
}
