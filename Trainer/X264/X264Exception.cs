using RealtimeSR.Shared;

namespace RealtimeSR.Trainer.X264;

/// <summary>libx264 is missing, is a build this binding does not know, or refused a setting or a frame.</summary>
internal sealed class X264Exception : ReportableException
{
    public X264Exception(string message, Exception? inner = null)
        : base($"libx264: {message}", inner)
    {
    }

    public override int ExitCode => ExitCodes.Unavailable;
}
