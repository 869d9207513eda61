namespace RealtimeSR.Shared.Diagnostics;

/// <summary>One model's run in a benchmark (one entry of <see cref="BenchReport.Runs"/>; the JSON schema is in README.md).</summary>
public sealed record RunSummary
{
    /// <summary>"bicubic" or the model file's name.</summary>
    public required string Model { get; init; }

    public required int Scale { get; init; }

    /// <summary>"cpu", "cuda", or "none" for bicubic.</summary>
    public required string ExecutionProvider { get; init; }

    /// <summary>ONNX Runtime intra-op threads (0 = its default).</summary>
    public required int Threads { get; init; }

    public required bool AllowSpinning { get; init; }

    public required int Frames { get; init; }

    /// <summary>First decode start to last frame done, seconds.</summary>
    public required double WallSeconds { get; init; }

    /// <summary>End-to-end frames per second (frames ÷ wall seconds).</summary>
    public required double Fps { get; init; }

    /// <summary><see cref="Fps"/> ÷ the source's frame rate (≥ 1 means real time).</summary>
    public required double RealtimeFactor { get; init; }

    /// <summary>Model FLOPs for one frame (counted from the ONNX graph; 0 for bicubic).</summary>
    public required double FlopsPerFrame { get; init; }

    /// <summary>FLOPs per frame × frames ÷ total inference seconds ÷ 10⁹.</summary>
    public required double InferenceGflopsPerSecond { get; init; }

    /// <summary>Peak resident set size of the process so far, MiB.</summary>
    public required double PeakRssMegabytes { get; init; }

    /// <summary>Per-stage figures, in pipeline order, ending with "end-to-end" (latency per frame).</summary>
    public required IReadOnlyList<StageStatistics> Stages { get; init; }
}
