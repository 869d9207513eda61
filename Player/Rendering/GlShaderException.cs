using RealtimeSR.Shared;
using RealtimeSR.Shared.Commands;

namespace RealtimeSR.Player.Rendering;

/// <summary>
/// A shader did not compile or a program did not link. <see cref="Exception.Message"/> is one line with the driver's
/// first complaint; <see cref="InfoLog"/> holds the driver's whole info log.
/// </summary>
public sealed class GlShaderException : ReportableException
{
    public override int ExitCode => ExitCodes.Unavailable;

    public GlShaderException(string source, string stage, string infoLog)
        : base($"shader {source} ({stage}) failed: {FirstLine(infoLog)}")
    {
        ShaderName = source;
        Stage = stage;
        InfoLog = infoLog;
    }

    /// <summary>Which shader: a file name under Shaders/, or a program name.</summary>
    public string ShaderName { get; }

    /// <summary>"vertex", "fragment" or "link".</summary>
    public string Stage { get; }

    /// <summary>The driver's full info log.</summary>
    public string InfoLog { get; }

    private static string FirstLine(string log)
    {
        string trimmed = log.Trim();
        int end = trimmed.IndexOfAny(['\r', '\n']);
        return trimmed.Length == 0 ? "no info log" : end < 0 ? trimmed : trimmed[..end];
    }
}
