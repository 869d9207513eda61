using System.CommandLine;
using RealtimeSR.Player.Pipeline;
using RealtimeSR.Shared.Inference;
using RealtimeSR.Shared.Onnx;

namespace RealtimeSR.Player.Commands;

/// <summary>The options that choose and run a model in the player's verbs: --scale (for bicubic) and <see cref="InferenceOptions"/>.</summary>
internal static class ModelOptions
{
    /// <summary>The shipped real-time model, as help texts name it.</summary>
    public const string DefaultModel = "media/" + BundledMedia.DefaultModel;

    public static readonly Option<int> ScaleOption = new("--scale")
    {
        Description = "upscaling factor of the 'bicubic' model (ONNX models carry their own)",
        DefaultValueFactory = _ => 4,
    };

    /// <summary>The scale option, then every <see cref="InferenceOptions"/> option.</summary>
    public static IEnumerable<Option> All => [ScaleOption, .. InferenceOptions.All];

    /// <summary>
    /// Creates the upscaler <paramref name="model"/> names: "bicubic", or an ONNX file; null = the shipped default
    /// (<see cref="DefaultModel"/> under the repository root).
    /// </summary>
    /// <exception cref="ModelFileException">The file (or the default) is missing or not a usable model.</exception>
    public static IUpscaler CreateUpscaler(string? model, ParseResult result, Action<string> log)
    {
        int scale = result.GetValue(ScaleOption);
        if (scale < 1)
        {
            throw new UsageException($"--scale must be at least 1, got {scale}");
        }

        if (string.Equals(model, BicubicUpscaler.ModelName, StringComparison.OrdinalIgnoreCase))
        {
            return new BicubicUpscaler(scale);
        }

        string path = model ?? DefaultModelPath();
        if (model is null && !File.Exists(path))
        {
            throw new ModelFileException(path, $"the default model {DefaultModel} is not there (yet); pass --model FILE.onnx or --model bicubic");
        }

        var session = new SrSession(path, InferenceOptions.From(result), log);
        return new OnnxUpscaler(session, Path.GetFileName(path));
    }

    /// <summary>The default model's path (see <see cref="BundledMedia"/>).</summary>
    public static string DefaultModelPath() => BundledMedia.File(BundledMedia.DefaultModel);
}
