using RealtimeSR.Shared;
using RealtimeSR.Shared.Commands;

namespace RealtimeSR.Player.Commands;

/// <summary>An option whose implementation is not part of this build yet (e.g. --render before the EGL renderer).</summary>
internal sealed class FeatureUnavailableException : ReportableException
{
    public override int ExitCode => ExitCodes.Unavailable;

    public FeatureUnavailableException(string message)
        : base(message)
    {
    }
}
