using RealtimeSR.Shared;

namespace RealtimeSR.Trainer.Training;

/// <summary>The loss became NaN or infinite: continuing would only write garbage checkpoints.</summary>
internal sealed class TrainingDivergedException : ReportableException
{
    public override int ExitCode => ExitCodes.BadInput;

    public TrainingDivergedException(long step, double loss)
        : base($"training diverged at step {step} (loss {loss}); lower --lr or resume from the last checkpoint")
    {
    }
}
