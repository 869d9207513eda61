namespace RealtimeSR.Trainer.Models;

/// <summary>Where a network's training loss is measured.</summary>
internal enum LossSpace
{
    /// <summary>On the RGB output in [0, 1].</summary>
    Rgb,

    /// <summary>On the benchmark luma (BT.601 limited range, in [0, 1]) of the output: for networks that only predict Y.</summary>
    Luma,
}
