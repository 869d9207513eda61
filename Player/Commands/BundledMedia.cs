using RealtimeSR.Shared.Data;

namespace RealtimeSR.Player.Commands;

/// <summary>
/// Where the bundled sample clip and shipped models are: <c>$RTSR_MEDIA</c> when set (an install that keeps them
/// elsewhere), else the <c>media/</c> folder of the checkout that holds the executable.
/// </summary>
internal static class BundledMedia
{
    public const string EnvironmentVariable = "RTSR_MEDIA";

    /// <summary>The shipped real-time model, relative to the media folder.</summary>
    public const string DefaultModel = "models/realtime-x4.onnx";

    /// <summary>The shipped model for heavily compressed video, relative to the media folder.</summary>
    public const string CompressedVideoModel = "models/realtime-x4-real.onnx";

    /// <summary>The bundled sample clip, relative to the media folder.</summary>
    public const string Sample = "vtest-lr-x4.mp4";

    /// <summary>The media folder (it need not exist; callers say what is missing).</summary>
    public static string Folder()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        string checkout = DataRoot.FindCheckout(AppContext.BaseDirectory) ?? Directory.GetCurrentDirectory();
        return Path.Combine(checkout, "media");
    }

    /// <summary><paramref name="relativePath"/> inside <see cref="Folder"/>.</summary>
    public static string File(string relativePath) => Path.Combine(Folder(), relativePath);
}
