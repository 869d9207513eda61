using RealtimeSR.Shared;
using RealtimeSR.Shared.Commands;

namespace RealtimeSR.Player.Segments;

/// <summary>A join was asked for while some segments are not done.</summary>
internal sealed class SegmentsMissingException(string folder, IReadOnlyList<int> missing, int total)
    : ReportableException($"{folder}: segment{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing)} of 0-{total - 1} not done yet; run them (--only K) before --join")
{
    public override int ExitCode => ExitCodes.SegmentsMissing;

    public IReadOnlyList<int> Missing { get; } = missing;
}
