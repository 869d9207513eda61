using RealtimeSR.Shared;

namespace RealtimeSR.Trainer.Models;

/// <summary>An architecture cannot be built for the requested scale.</summary>
internal sealed class UnsupportedScaleException : ReportableException
{
    public override int ExitCode => ExitCodes.BadModel;

    public UnsupportedScaleException(NetworkArchitecture architecture, int scale)
        : base($"{architecture.Name} does not support scale {scale} (it supports {List(architecture.Scales)})")
    {
    }

    /// <summary>"2 to 8" for a run of scales, else "2, 3, 4 and 8".</summary>
    private static string List(IReadOnlyList<int> scales) =>
        scales.Count > 2 && scales[^1] - scales[0] == scales.Count - 1
            ? $"{scales[0]} to {scales[^1]}"
            : scales.Count == 1 ? $"{scales[0]}" : $"{string.Join(", ", scales.Take(scales.Count - 1))} and {scales[^1]}";
}
