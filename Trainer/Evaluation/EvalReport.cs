using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RealtimeSR.Trainer.Evaluation;

/// <summary>The outcome of <c>eval</c>: a table for people and a JSON document for scripts.</summary>
internal sealed record EvalReport(string Model, int Scale, IReadOnlyList<SetResult> Results)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, // identical images score +∞ dB
    };

    /// <summary>A fixed-width table: dataset, images, PSNR (dB), SSIM, ms/image.</summary>
    public string ToTable()
    {
        var text = new StringBuilder();
        text.AppendLine($"model {Model}, x{Scale}, Y channel, {Scale} px shaved");
        text.AppendLine($"{"dataset",-12} {"images",6} {"PSNR",8} {"SSIM",8} {"ms/image",10}");
        foreach (SetResult r in Results)
        {
            text.AppendLine($"{r.Dataset,-12} {r.Images,6} {r.Psnr,8:0.00} {r.Ssim,8:0.0000} {r.MillisecondsPerImage,10:0.0}");
        }

        return text.ToString();
    }

    /// <summary>
    /// <c>{"model": …, "scale": …, "results": [{"dataset", "images", "psnr", "ssim", "ms_per_image"}]}</c> with PSNR
    /// to 0.01 dB, SSIM to 0.0001 and time to 0.1 ms, the precision of the published tables.
    /// </summary>
    public string ToJson() => JsonSerializer.Serialize(
        new JsonReport(Model, Scale, Results.Select(r => new JsonResult(
            r.Dataset, r.Images, Math.Round(r.Psnr, 2), Math.Round(r.Ssim, 4), Math.Round(r.MillisecondsPerImage, 1))).ToList()),
        JsonOptions);

    private sealed record JsonReport(
        [property: JsonPropertyName("model")] string Model,
        [property: JsonPropertyName("scale")] int Scale,
        [property: JsonPropertyName("results")] IReadOnlyList<JsonResult> Results);

    private sealed record JsonResult(
        [property: JsonPropertyName("dataset")] string Dataset,
        [property: JsonPropertyName("images")] int Images,
        [property: JsonPropertyName("psnr")] double Psnr,
        [property: JsonPropertyName("ssim")] double Ssim,
        [property: JsonPropertyName("ms_per_image")] double MillisecondsPerImage);
}
