namespace RealtimeSR.Player.Platform;

/// <summary>Sample format of interleaved PCM (channels interleaved frame by frame, little-endian).</summary>
public enum PcmFormat
{
    /// <summary>Signed 16-bit integers, full scale ±32767.</summary>
    S16,

    /// <summary>32-bit floats, full scale ±1.</summary>
    F32,
}
