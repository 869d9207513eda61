using RealtimeSR.Shared;
using RealtimeSR.Shared.Commands;

namespace RealtimeSR.Player.Commands;

/// <summary>Some inputs of a batch failed; each was already reported on its own line.</summary>
internal sealed class BatchFailedException : ReportableException
{
    public override int ExitCode => ExitCodes.SomeFailed;

    public BatchFailedException(int failed, int total)
        : base($"{failed} of {total} inputs failed")
    {
        Failed = failed;
        Total = total;
    }

    public int Failed { get; }

    public int Total { get; }
}
