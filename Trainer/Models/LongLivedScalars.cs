using TorchSharp;

namespace RealtimeSR.Trainer.Models;

/// <summary>
/// Scalars that live as long as the process. A Scalar made on the fly (<c>tensor + 1</c>) is handed to libtorch by
/// raw handle and can be finalized by a garbage collection while libtorch still reads it (see
/// <see cref="Training.AdamOptimizer"/>). TorchSharp does the same inside <c>a + b</c>, <c>a - b</c> and
/// <c>add_(b)</c> between tensors (alpha = 1 made on the fly), so code that runs every step calls the overloads
/// that take alpha with one of these, or a <c>using</c> local, instead. (Measured: this made the crash rarer at best;
/// it still happens every few ten-thousand steps, so <see cref="Training.TrainingRun"/> reloads the last checkpoint.)
/// </summary>
internal static class LongLivedScalars
{
    public static readonly Scalar Zero = 0f.ToScalar();
    public static readonly Scalar Half = 0.5f.ToScalar();
    public static readonly Scalar One = 1f.ToScalar();
}
