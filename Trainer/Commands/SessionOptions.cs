using System.CommandLine;
using RealtimeSR.Shared.Inference;

namespace RealtimeSR.Trainer.Commands;

/// <summary>The ONNX Runtime options every verb that runs a model shares: --ep, --threads, --tile.</summary>
internal static class SessionOptions
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
        Description = "run the model on tiles of at most N×N LR pixels (0 = whole picture)",
    };

    public static IEnumerable<Option> All => [ExecutionProviderOption, ThreadsOption, TileOption];

    public static SrSessionOptions From(ParseResult result)
    {
        var options = new SrSessionOptions
        {
            ExecutionProvider = result.GetValue(ExecutionProviderOption),
            IntraOpThreads = result.GetValue(ThreadsOption),
            Tile = result.GetValue(TileOption),
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
