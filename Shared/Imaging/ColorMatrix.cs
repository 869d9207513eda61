namespace RealtimeSR.Shared.Imaging;

/// <summary>The Y'CbCr matrix a video stream (or a metric) uses.</summary>
public enum ColorMatrix
{
    /// <summary>ITU-R BT.601: Kr 0.299, Kb 0.114 (SD video, and the SR benchmark's Y).</summary>
    Bt601,

    /// <summary>ITU-R BT.709: Kr 0.2126, Kb 0.0722 (HD video).</summary>
    Bt709,
}
