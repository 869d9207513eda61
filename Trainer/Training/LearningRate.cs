namespace RealtimeSR.Trainer.Training;

/// <summary>The learning rate a schedule gives at a step.</summary>
internal static class LearningRate
{
    public static double At(LearningRateSchedule schedule, double start, long step, long maxSteps) => schedule switch
    {
        LearningRateSchedule.Constant => start,
        LearningRateSchedule.StepAtHalf => step < maxSteps / 2 ? start : start / 10,
        LearningRateSchedule.Cosine => start * (0.01 + 0.99 * 0.5 * (1 + Math.Cos(Math.PI * Math.Min(1.0, (double)step / maxSteps)))),
        _ => throw new ArgumentOutOfRangeException(nameof(schedule), schedule, null),
    };
}
