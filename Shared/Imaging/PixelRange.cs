namespace RealtimeSR.Shared.Imaging;

/// <summary>What the sample values of an <see cref="Image"/> mean.</summary>
public enum PixelRange
{
    /// <summary>Samples in [0, 255], as stored in 8-bit files; integral after a file load or a MATLAB-style resize.</summary>
    Byte,

    /// <summary>Samples in [0, 1], as the model contract wants them.</summary>
    Unit,
}
