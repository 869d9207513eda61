using RealtimeSR.Shared;

namespace RealtimeSR.Trainer.Models;

/// <summary>An architecture cannot be built for the requested scale.</summary>
internal sealed class UnsupportedScaleException : ReportableException
{
    public override int ExitCode => ExitCodes.BadModel;

    public UnsupportedScaleException(string architecture, int scale)
        : base($"{architecture} does not support scale {scale}" +
               (architecture == ArchitectureRegistry.SrResNetName ? " (it supports 2, 3, 4 and 8)" : " (it supports 2 to 8)"))
    {
    }
}
