using System.CommandLine;
using Microsoft.ML.OnnxRuntime;
using RealtimeSR.Shared.Inference;

namespace RealtimeSR.Shared.Commands;

/// <summary>
/// How a model runs, the same options on every verb of both executables that runs one: --ep, --threads, --tile,
/// --spinning and --graph-opt, read into one validated <see cref="SrSessionOptions"/>.
/// </summary>
public static class InferenceOptions
{
    public static readonly Option<ExecutionProvider> ExecutionProviderOption = new("--ep")
    {
        Description = "execution provider: auto (CUDA if it loads, else CPU), cuda or cpu",
        DefaultValueFactory = _ => ExecutionProvider.Auto,
    };

    public static readonly Option<int> ThreadsOption = new("--threads")
    {
        Description = "ONNX Runtime intra-op threads (default 0: one per core this process may use)",
    };

    public static readonly Option<int> TileOption = new("--tile")
    {
        Description = "run the model on tiles of at most N×N LR pixels, for pictures too large for memory (0 = whole picture)",
    };

    public static readonly Option<bool> SpinningOption = new("--spinning")
    {
        Description = "let ONNX Runtime's threads spin between runs (off by default: it starves decode and encode on few cores)",
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

    public static IEnumerable<Option> All => [ExecutionProviderOption, ThreadsOption, TileOption, SpinningOption, GraphOptimizationOption];

    /// <summary>Adds every option of <see cref="All"/> to <paramref name="command"/>.</summary>
    public static void AddTo(Command command)
    {
        foreach (Option option in All)
        {
            command.Options.Add(option);
        }
    }

    /// <exception cref="UsageException">A value is out of range (negative threads, a tile smaller than its overlap).</exception>
    public static SrSessionOptions From(ParseResult result)
    {
        var options = new SrSessionOptions
        {
            ExecutionProvider = result.GetValue(ExecutionProviderOption),
            IntraOpThreads = result.GetValue(ThreadsOption),
            Tile = result.GetValue(TileOption),
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
}
