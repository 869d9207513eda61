using System.CommandLine;
using System.Globalization;
using RealtimeSR.Player.Pipeline;
using RealtimeSR.Shared.Inference;
using RealtimeSR.Shared.Onnx;
using RealtimeSR.Shared.Video;

namespace RealtimeSR.Player.Commands;

/// <summary>The options that choose and run a model in the player's verbs: --scale (for bicubic) and <see cref="InferenceOptions"/>.</summary>
internal static class ModelOptions
{
    /// <summary>The shipped real-time model, as help texts name it.</summary>
    public const string DefaultModel = "media/" + BundledMedia.DefaultModel;

    /// <summary>The default as <c>play</c> and <c>upscale</c> describe it (they choose by the source's bit rate).</summary>
    public static readonly string DefaultModelByBitRate = string.Create(CultureInfo.InvariantCulture,
        $"{DefaultModel}; media/{BundledMedia.CompressedVideoModel} for a video under {CompressedBitsPerPixel} bits per pixel");

    public static readonly Option<int> ScaleOption = new("--scale")
    {
        Description = "upscaling factor of the 'bicubic' model (ONNX models carry their own)",
        DefaultValueFactory = _ => 4,
    };

    /// <summary>The strength <c>--temporal-denoise auto</c> uses for a heavily compressed video (8-bit levels; media/README.md).</summary>
    public const double AutoTemporalDenoise = 10;

    public static readonly Option<string> TemporalDenoiseOption = new("--temporal-denoise")
    {
        Description = string.Create(CultureInfo.InvariantCulture,
            $"filter the LR frames in time before the model, against codec and sensor flicker: a strength ({TemporalDenoiser.StrengthRange}), 'off', or 'auto' ({AutoTemporalDenoise} for a video under {CompressedBitsPerPixel} bits per pixel, else off)"),
        DefaultValueFactory = _ => "auto",
    };

    /// <summary>The scale option, the temporal denoise option, then every <see cref="InferenceOptions"/> option.</summary>
    public static IEnumerable<Option> All => [ScaleOption, TemporalDenoiseOption, .. InferenceOptions.All];

    /// <summary>The denoiser <c>--temporal-denoise</c> asks for (<see cref="TemporalDenoiseFor"/>), null = none; one per stream.</summary>
    public static TemporalDenoiser? CreateDenoiser(ParseResult result, VideoInfo? source, Action<string> log) =>
        TemporalDenoiseFor(result, source, log) is { } strength ? new TemporalDenoiser(strength) : null;

    /// <summary>
    /// The strength <c>--temporal-denoise</c> asks for <paramref name="source"/> (null = off): a number as given,
    /// "auto" <see cref="AutoTemporalDenoise"/> for a video under <see cref="CompressedBitsPerPixel"/> (said in the
    /// log), else off. A source whose bit rate is not known (a live stream) gets it only when asked.
    /// </summary>
    /// <exception cref="UsageException">The value is none of these.</exception>
    public static double? TemporalDenoiseFor(ParseResult result, VideoInfo? source, Action<string> log)
    {
        string value = result.GetValue(TemporalDenoiseOption) ?? "auto";
        if (string.Equals(value, "off", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (string.Equals(value, "auto", StringComparison.OrdinalIgnoreCase))
        {
            if (source?.BitsPerPixel < CompressedBitsPerPixel)
            {
                log(string.Create(CultureInfo.InvariantCulture,
                    $"temporal denoise {AutoTemporalDenoise} for this source ({source.BitsPerPixel:0.###} bits per pixel, heavily compressed); --temporal-denoise off turns it off"));
                return AutoTemporalDenoise;
            }

            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double strength) && TemporalDenoiser.IsValidStrength(strength))
        {
            return strength;
        }

        throw new UsageException($"--temporal-denoise {value}: give a strength {TemporalDenoiser.StrengthRange}, 'off' or 'auto'");
    }

    /// <summary>
    /// Below this many bits per pixel per frame a source is heavily compressed, and the model trained on camera
    /// degradations gains more than the clean-trained one (the crossover measured on two camera clips lies between
    /// x264 CRF 23 and CRF 32, which gave 0.16–0.26 and 0.06–0.09 bits per pixel there: media/README.md).
    /// </summary>
    public const double CompressedBitsPerPixel = 0.1;

    /// <summary>
    /// Creates the upscaler <paramref name="model"/> names: "bicubic", or an ONNX file; null = the shipped default
    /// for <paramref name="source"/> (<see cref="DefaultModelPath"/>).
    /// </summary>
    /// <exception cref="ModelFileException">The file (or the default) is missing or not a usable model.</exception>
    public static IUpscaler CreateUpscaler(string? model, ParseResult result, Action<string> log, VideoInfo? source = null)
    {
        int scale = result.GetValue(ScaleOption);
        if (scale < 1)
        {
            throw new UsageException($"--scale must be at least 1, got {scale}");
        }

        if (ModelPathFor(model, source) is not { } path)
        {
            return new BicubicUpscaler(scale);
        }

        if (model is null && path != DefaultModelPath())
        {
            log($"default model for this source ({source!.BitsPerPixel:0.###} bits per pixel, heavily compressed): {Path.GetFileName(path)}; --model chooses another");
        }

        if (model is null && !File.Exists(path))
        {
            throw new ModelFileException(path, $"the default model {DefaultModel} is not there (yet); pass --model FILE.onnx or --model bicubic");
        }

        var session = new SrSession(path, InferenceOptions.From(result), log);
        return new OnnxUpscaler(session, Path.GetFileName(path));
    }

    /// <summary>The ONNX file <paramref name="model"/> (a --model value) names for <paramref name="source"/>; null for bicubic.</summary>
    public static string? ModelPathFor(string? model, VideoInfo? source) =>
        string.Equals(model, BicubicUpscaler.ModelName, StringComparison.OrdinalIgnoreCase) ? null : model ?? DefaultModelPath(source);

    /// <summary>
    /// The default model's path (see <see cref="BundledMedia"/>): for a video under
    /// <see cref="CompressedBitsPerPixel"/>, the camera-degradation model when it is there; else realtime ×4.
    /// </summary>
    public static string DefaultModelPath(VideoInfo? source = null)
    {
        string compressed = BundledMedia.File(BundledMedia.CompressedVideoModel);
        return source?.BitsPerPixel < CompressedBitsPerPixel && File.Exists(compressed)
            ? compressed
            : BundledMedia.File(BundledMedia.DefaultModel);
    }
}
