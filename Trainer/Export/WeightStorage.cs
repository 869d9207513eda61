namespace RealtimeSR.Trainer.Export;

/// <summary>How an export stores convolution weights.</summary>
internal enum WeightStorage
{
    /// <summary>float32 initializers, exactly the trained values.</summary>
    Float32,

    /// <summary>
    /// float16 initializers, each followed by a <c>Cast</c> to float32: half the file. ONNX Runtime folds the casts at
    /// load, so the session computes in float32 as fast as before, on weights rounded to 11 significant bits.
    /// </summary>
    Float16,
}
