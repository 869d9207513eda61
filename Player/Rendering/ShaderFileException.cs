using RealtimeSR.Shared;
using RealtimeSR.Shared.Commands;

namespace RealtimeSR.Player.Rendering;

/// <summary>A shader source file the player needs is missing or unreadable (an incomplete installation).</summary>
public sealed class ShaderFileException : ReportableException
{
    public override int ExitCode => ExitCodes.Unavailable;

    public ShaderFileException(string path, string reason, Exception? inner = null)
        : base($"{path}: {reason}", inner)
    {
        Path = path;
    }

    public string Path { get; }
}
