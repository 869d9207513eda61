using System.CommandLine;
using RealtimeSR.Player.Pipeline;
using RealtimeSR.Shared.Inference;
using Microsoft.ML.OnnxRuntime;
using RealtimeSR.Shared.Onnx;

namespace RealtimeSR.Player.Commands;

/// <summary>The options that choose and run a model: --scale (for bicubic), --ep, --threads, --spinning, --graph-opt.</summary>
internal static class ModelOptions
{
    /// <summary>The shipped real-time model, as help texts name it.</summary>
    public const string DefaultModel = "media/" + BundledMedia.DefaultModel;

    public static readonly Option<int> ScaleOption = new("--scale")
    {
        Description = "upscaling factor of the 'bicubic' model (ONNX models carry their own)",
        DefaultValueFactory = _ => 4,
    };

    public static readonly Option<ExecutionProvider> ExecutionProviderOption = new("--ep")
    {
        Description = "execution provider: auto (CUDA if it loads, else CPU), cuda or cpu",
        DefaultValueFactory = _ => ExecutionProvider.Auto,
    };

    public static readonly Option<int> ThreadsOption = new("--threads")
    {
        Description = "ONNX Runtime intra-op threads (default 0: one per core this process may use)",
    };

    public static readonly Option<bool> SpinningOption = new("--spinning")
    {
        Description = "let ONNX Runtime's threads spin between frames (off by default: it starves decode and encode on few cores)",
    };

    public static readonly Option<GraphOptimization> GraphOptimizationOption = new("--graph-opt")
    {
        Description = "ONNX Runtime graph optimisation level: all (default), extended, basic or none (for measuring what it buys)",
        DefaultValueFactory = _ => GraphOptimization.All,
    };

    /// <summary>ONNX Runtime's graph optimisation levels, as the command line names them.</summary>
    public enum GraphOptimization
    {
        All,
        Extended,
        Basic,
        None,
    }

    public static IEnumerable<Option> All => [ScaleOption, ExecutionProviderOption, ThreadsOption, SpinningOption, GraphOptimizationOption];

    public static SrSessionOptions SessionOptionsFrom(ParseResult result)
    {
        var options = new SrSessionOptions
        {
            ExecutionProvider = result.GetValue(ExecutionProviderOption),
            IntraOpThreads = result.GetValue(ThreadsOption),
            AllowSpinning = result.GetValue(SpinningOption),
            OptimizationLevel = result.GetValue(GraphOptimizationOption) switch
            {
                GraphOptimization.Extended => GraphOptimizationLevel.ORT_ENABLE_EXTENDED,
                GraphOptimization.Basic => GraphOptimizationLevel.ORT_ENABLE_BASIC,
                GraphOptimization.None => GraphOptimizationLevel.ORT_DISABLE_ALL,
                _ => GraphOptimizationLevel.ORT_ENABLE_ALL,
            },
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new UsageException(e.Message.Split('\n')[0]);
        }

        return options;
    }

    /// <summary>
    /// Creates the upscaler <paramref name="model"/> names: "bicubic", or an ONNX file; null = the shipped default
    /// (<see cref="DefaultModel"/> under the repository root).
    /// </summary>
    /// <exception cref="ModelFileException">The file (or the default) is missing or not a usable model.</exception>
    public static IFrameUpscaler CreateUpscaler(string? model, ParseResult result, Action<string> log)
    {
        int scale = result.GetValue(ScaleOption);
        if (scale < 1)
        {
            throw new UsageException($"--scale must be at least 1, got {scale}");
        }

        if (string.Equals(model, BicubicUpscaler.ModelName, StringComparison.OrdinalIgnoreCase))
        {
            return new BicubicFrameUpscaler(scale);
        }

        string path = model ?? DefaultModelPath();
        if (model is null && !File.Exists(path))
        {
            throw new ModelFileException(path, $"the default model {DefaultModel} is not there (yet); pass --model FILE.onnx or --model bicubic");
        }

        var session = new SrSession(path, SessionOptionsFrom(result), log);
        return new OnnxFrameUpscaler(session, Path.GetFileName(path));
    }

    /// <summary>The default model's path (see <see cref="BundledMedia"/>).</summary>
    public static string DefaultModelPath() => BundledMedia.File(BundledMedia.DefaultModel);
}
