namespace RealtimeSR.Trainer.Training;

/// <summary>The losses of one step: the one the progress bar shows, and others for TensorBoard.</summary>
internal sealed record StepLosses(double Main, IReadOnlyDictionary<string, double>? Extras = null);
