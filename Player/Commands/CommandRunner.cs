using RealtimeSR.Player.Platform.Egl;
using RealtimeSR.Player.Platform.Sdl;
using RealtimeSR.Player.Rendering;
using RealtimeSR.Shared;
using RealtimeSR.Shared.Imaging;
using RealtimeSR.Shared.Inference;
using RealtimeSR.Shared.Onnx;
using RealtimeSR.Shared.Video;

namespace RealtimeSR.Player.Commands;

/// <summary>
/// The one place where exceptions become what the user sees: a reportable failure is one line on stderr and a
/// named exit code; anything else is a bug and keeps its stack trace.
/// </summary>
internal static class CommandRunner
{
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (ReportableException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodeFor(e);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("stopped");
            return ExitCodes.Interrupted;
        }
    }

    public static int ExitCodeFor(ReportableException e) => e switch
    {
        UsageException => ExitCodes.UsageError,
        ModelContractException or ModelFileException or InferenceException => ExitCodes.BadModel,
        ExecutionProviderException or FfmpegMissingException or FeatureUnavailableException => ExitCodes.Unavailable,
        SdlException or EglException or GlException or GlShaderException or ShaderFileException => ExitCodes.Unavailable,
        VideoWriteException or ImageFileException => ExitCodes.WriteFailed,
        BatchFailedException => ExitCodes.SomeFailed,
        _ => ExitCodes.BadInput,
    };
}
