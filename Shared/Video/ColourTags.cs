using RealtimeSR.Shared.Imaging;

namespace RealtimeSR.Shared.Video;

/// <summary>
/// A video stream's colour description as ffprobe names it (<c>color_space</c>, <c>color_range</c>,
/// <c>color_primaries</c>, <c>color_transfer</c>); null where the stream does not say. Encoding writes the same
/// tags back, so they round-trip.
/// </summary>
/// <param name="Matrix">Y'CbCr matrix, e.g. "bt709", "smpte170m", "bt470bg".</param>
/// <param name="Range">"tv" (limited) or "pc" (full).</param>
/// <param name="Primaries">e.g. "bt709", "smpte170m".</param>
/// <param name="Transfer">e.g. "bt709", "iec61966-2-1".</param>
public sealed record ColourTags(string? Matrix, string? Range, string? Primaries, string? Transfer)
{
    /// <summary>Height from which an untagged stream is taken as HD (BT.709), as mpv does.</summary>
    public const int HdHeight = 720;

    /// <summary>
    /// The matrix used to turn Y'CbCr into RGB: the stream's own when it says, else BT.709 for a height of
    /// <see cref="HdHeight"/> or more and BT.601 below. Returned as swscale's name (the value of
    /// <c>in_color_matrix</c>/<c>out_color_matrix</c>).
    /// </summary>
    public string ConversionMatrix(int height) => Matrix switch
    {
        "bt709" => "bt709",
        "smpte170m" or "bt470bg" => "bt601",
        "fcc" => "fcc",
        "smpte240m" => "smpte240m",
        "bt2020nc" or "bt2020c" => "bt2020",
        _ => height >= HdHeight ? "bt709" : "bt601",
    };

    /// <summary>The conversion matrix as the project's enum where it is one of the two it knows (for reports).</summary>
    public ColorMatrix? KnownMatrix(int height) => ConversionMatrix(height) switch
    {
        "bt709" => ColorMatrix.Bt709,
        "bt601" => ColorMatrix.Bt601,
        _ => null,
    };

    /// <summary>The range used for conversion: the stream's own, limited ("tv") when it does not say.</summary>
    public ColorRange ConversionRange => Range == "pc" ? ColorRange.Full : ColorRange.Limited;

    /// <summary>swscale's name of <see cref="ConversionRange"/>.</summary>
    public string ConversionRangeName => ConversionRange == ColorRange.Full ? "pc" : "tv";
}
