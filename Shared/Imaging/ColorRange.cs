namespace RealtimeSR.Shared.Imaging;

/// <summary>How Y'CbCr values map to 8-bit codes.</summary>
public enum ColorRange
{
    /// <summary>Y in [0, 255], Cb/Cr in [0, 255] around 128 ("PC", "JPEG" range).</summary>
    Full,

    /// <summary>Y in [16, 235], Cb/Cr in [16, 240] around 128 ("TV", "MPEG" range).</summary>
    Limited,
}
