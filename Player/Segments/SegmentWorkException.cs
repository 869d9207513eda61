using RealtimeSR.Shared;
using RealtimeSR.Shared.Commands;

namespace RealtimeSR.Player.Segments;

/// <summary>The work folder cannot be used: it belongs to another job, or its manifest is unreadable, or its lock never came free.</summary>
internal sealed class SegmentWorkException(string folder, string reason, int exitCode = ExitCodes.UsageError, Exception? inner = null)
    : ReportableException($"{folder}: {reason}", inner)
{
    public override int ExitCode { get; } = exitCode;
}
