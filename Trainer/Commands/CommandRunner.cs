using RealtimeSR.Shared;
using RealtimeSR.Shared.Inference;
using RealtimeSR.Shared.Onnx;
using RealtimeSR.Trainer.Export;
using RealtimeSR.Trainer.Models;
using RealtimeSR.Trainer.Training;
using RealtimeSR.Trainer.Torch;

namespace RealtimeSR.Trainer.Commands;

/// <summary>Runs a trainer verb through <see cref="CommandExecution"/> with the trainer's exception → exit code map.</summary>
internal static class CommandRunner
{
    public static int Run(Func<int> body) => CommandExecution.Run(body, ExitCodeFor);

    private static int ExitCodeFor(ReportableException e) => e switch
    {
        UsageException => ExitCodes.UsageError,
        ModelContractException or ModelFileException or InferenceException => ExitCodes.BadModel,
        CheckpointException or ExportParityException or UnsupportedScaleException => ExitCodes.BadModel,
        ExecutionProviderException => ExitCodes.Unavailable,
        CudaUnavailableException => ExitCodes.Unavailable,
        _ => ExitCodes.BadInput,
    };
}
