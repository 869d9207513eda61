namespace RealtimeSR.Trainer.Training;

/// <summary>How the learning rate changes over a run of <c>MaxSteps</c> steps.</summary>
internal enum LearningRateSchedule
{
    /// <summary>The same rate throughout (the tutorial's SRResNet).</summary>
    Constant,

    /// <summary>Cosine decay from the start rate to 1 % of it at the last step.</summary>
    Cosine,

    /// <summary>The start rate, divided by 10 after half the steps (the tutorial's SRGAN).</summary>
    StepAtHalf,
}
