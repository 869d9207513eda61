using TorchSharp;

namespace RealtimeSR.Trainer.Models;

/// <summary>
/// Scalars that live as long as the process. A Scalar made on the fly (<c>tensor + 1</c>) is handed to libtorch by
/// raw handle and can be finalized by a garbage collection while libtorch still reads it; TorchSharp does the same
/// inside <c>a + b</c> and <c>add_(b)</c> (alpha = 1 made on the fly). Such calls are compile errors here
/// (Trainer/Torch/BannedSymbols.txt): code passes one of these, a field, or a <c>using</c> local instead.
/// </summary>
internal static class LongLivedScalars
{
    public static readonly Scalar Zero = 0f.ToScalar();
    public static readonly Scalar Quarter = 0.25f.ToScalar();
    public static readonly Scalar Half = 0.5f.ToScalar();
    public static readonly Scalar One = 1f.ToScalar();
}
