namespace RealtimeSR.Trainer.Training;

/// <summary>What a checkpoint records besides tensors: the experiment, how far it got and the torch RNG.</summary>
internal sealed record CheckpointState
{
    public required TrainOptions Options { get; init; }

    /// <summary>Steps completed; training resumes at this step.</summary>
    public required long Step { get; init; }

    /// <summary>Training time over all sessions of this run, in seconds.</summary>
    public double TrainingSeconds { get; init; }

    /// <summary>Latest validation PSNR (dB, Y channel), if validated.</summary>
    public double? ValidationPsnr { get; init; }

    /// <summary>Name of the validation set that PSNR is on.</summary>
    public string? ValidationSet { get; init; }

    /// <summary>TorchSharp's CPU generator state, base64 (only init and dropout-like ops draw from it).</summary>
    public string? TorchRngState { get; init; }
}
