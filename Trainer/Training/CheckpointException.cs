using RealtimeSR.Shared;

namespace RealtimeSR.Trainer.Training;

/// <summary>A checkpoint file is missing, corrupt, or of another architecture than asked for.</summary>
internal sealed class CheckpointException : ReportableException
{
    public override int ExitCode => ExitCodes.BadModel;

    public CheckpointException(string path, string reason, Exception? inner = null)
        : base($"{path}: {reason}", inner)
    {
    }
}
