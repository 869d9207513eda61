using RealtimeSR.Trainer.Data;
using RealtimeSR.Trainer.Models;

namespace RealtimeSR.Trainer.Training;

/// <summary>
/// How one step learns (plain MSE, or SRGAN's generator/discriminator pair) and what that adds to a checkpoint;
/// <see cref="TrainingRun"/> owns everything around it (data, schedule, validation, logs, checkpoints, stopping).
/// </summary>
internal interface ITrainingMethod : IDisposable
{
    /// <summary>The network that is exported and validated (SRGAN's generator).</summary>
    SrNetwork Network { get; }

    /// <summary>One optimisation step at <paramref name="learningRate"/>; returns the main loss and named extras.</summary>
    StepLosses Step(TrainingBatch batch, double learningRate);

    void Save(string path, CheckpointState state);

    /// <summary>Loads a checkpoint written by <see cref="Save"/> into this method's modules and optimizers.</summary>
    CheckpointState Restore(string path);
}
