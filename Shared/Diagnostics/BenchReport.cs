using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using RealtimeSR.Shared.IO;

namespace RealtimeSR.Shared.Diagnostics;

/// <summary>
/// A benchmark's result: the source clip and one <see cref="RunSummary"/> per model. Written as JSON (the summary,
/// schema in README.md under "bench") and CSV (one row per frame per model); both atomically.
/// </summary>
public sealed record BenchReport
{
    /// <summary>CSV header; every row is one frame of one model's run, times in milliseconds.</summary>
    public const string CsvHeader = "model,index,pts_seconds,decode_ms,convert_ms,infer_ms,output_ms,latency_ms";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public required string Source { get; init; }

    public required int Width { get; init; }

    public required int Height { get; init; }

    /// <summary>The source's frame rate, frames per second.</summary>
    public required double SourceFps { get; init; }

    public required IReadOnlyList<RunSummary> Runs { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static BenchReport FromJson(string json) =>
        JsonSerializer.Deserialize<BenchReport>(json, Json) ?? throw new JsonException("empty bench report");

    public void WriteJson(string path) => AtomicFile.WriteAllText(path, ToJson());

    /// <summary>Writes every frame of every run: <paramref name="records"/> pairs a model name with its frames.</summary>
    public static void WriteCsv(string path, IEnumerable<(string Model, IReadOnlyList<FrameRecord> Frames)> records)
    {
        var text = new StringBuilder(CsvHeader).Append('\n');
        foreach (var (model, frames) in records)
        {
            foreach (var r in frames)
            {
                text.Append(CultureInfo.InvariantCulture, $"{Quote(model)},{r.Index},{F(r.PtsSeconds)},{F(r.DecodeMs)},{F(r.ConvertMs)},{F(r.InferMs)},{F(r.OutputMs)},{F(r.LatencyMs)}\n");
            }
        }

        AtomicFile.WriteAllText(path, text.ToString());
    }

    // Empty for a stage the run did not have; R keeps every digit so CSV and JSON can be checked against each other.
    private static string F(double value) => double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string text) => text.Contains(',') || text.Contains('"') ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
}
