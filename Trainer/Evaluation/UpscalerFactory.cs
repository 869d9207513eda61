using RealtimeSR.Shared.Inference;
using RealtimeSR.Shared.Onnx;
using RealtimeSR.Trainer.Commands;
using RealtimeSR.Trainer.Training;

namespace RealtimeSR.Trainer.Evaluation;

/// <summary>Turns a <c>--model</c> value (<c>bicubic</c> or a model file) into an upscaler for the requested scale.</summary>
internal static class UpscalerFactory
{
    /// <param name="model">'bicubic', a path to an .onnx model or to a .pt training checkpoint.</param>
    /// <param name="scale">The scale asked for; a model of another scale is refused. Null takes the model's own
    /// scale (bicubic then has none and is refused).</param>
    /// <param name="sessionOptions">Execution provider, threads and tiling for ONNX models.</param>
    /// <param name="log">Where one-line notices go (e.g. the CUDA fallback).</param>
    public static IUpscaler Open(string model, int? scale, SrSessionOptions sessionOptions, Action<string> log)
    {
        if (string.Equals(model, BicubicUpscaler.ModelName, StringComparison.OrdinalIgnoreCase))
        {
            return new BicubicUpscaler(scale ?? throw new UsageException("--model bicubic needs --scale"));
        }

        if (model.EndsWith(".pt", StringComparison.OrdinalIgnoreCase))
        {
            return OpenCheckpoint(model, scale);
        }

        if (!model.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"--model {model}: expected 'bicubic', an .onnx model or a .pt checkpoint");
        }

        var session = new SrSession(model, sessionOptions, log);
        if (scale is not null && session.Scale != scale)
        {
            session.Dispose();
            throw new ModelContractException(model, $"is a x{session.Scale} model; --scale {scale} was asked for");
        }

        return new OnnxUpscaler(session, Path.GetFileName(model));
    }

    /// <summary>
    /// A training checkpoint, run by TorchSharp on the CPU. Kept in its own method so that libtorch is only
    /// loaded when a checkpoint is actually asked for (bicubic and ONNX evaluation never touch it).
    /// </summary>
    private static IUpscaler OpenCheckpoint(string path, int? scale)
    {
        var (network, _) = Checkpoint.LoadNetwork(path);
        if (scale is not null && network.Scale != scale)
        {
            network.Dispose();
            throw new CheckpointException(path, $"is a x{network.Scale} checkpoint; --scale {scale} was asked for");
        }

        return new TorchUpscaler(network, TorchSharp.torch.CPU, Path.GetFileName(path), ownsNetwork: true);
    }
}
