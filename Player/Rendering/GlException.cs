using RealtimeSR.Shared;
using RealtimeSR.Shared.Commands;

namespace RealtimeSR.Player.Rendering;

/// <summary>OpenGL refused something (an incomplete framebuffer, a missing uniform, an unsupported size).</summary>
public sealed class GlException : ReportableException
{
    public override int ExitCode => ExitCodes.Unavailable;

    public GlException(string message)
        : base($"OpenGL: {message}")
    {
    }
}
