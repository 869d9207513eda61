using RealtimeSR.Shared;

namespace RealtimeSR.Trainer.Data;

/// <summary>The training or validation data cannot be used (missing folder, nothing usable, bad list file).</summary>
internal sealed class TrainingDataException : ReportableException
{
    public override int ExitCode => ExitCodes.BadInput;

    public TrainingDataException(string message)
        : base(message)
    {
    }
}
