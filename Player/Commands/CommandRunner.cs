using RealtimeSR.Player.Platform.Egl;
using RealtimeSR.Player.Platform.Sdl;
using RealtimeSR.Player.Rendering;
using RealtimeSR.Shared;
using RealtimeSR.Shared.Imaging;
using RealtimeSR.Shared.Inference;
using RealtimeSR.Shared.Onnx;
using RealtimeSR.Shared.Video;

namespace RealtimeSR.Player.Commands;

/// <summary>Runs a player verb through <see cref="CommandExecution"/> with the player's exception → exit code map.</summary>
internal static class CommandRunner
{
    public static int Run(Func<int> body) => CommandExecution.Run(body, ExitCodeFor);

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
