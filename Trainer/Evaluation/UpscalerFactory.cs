using RealtimeSR.Shared.Inference;
using RealtimeSR.Shared.Onnx;
using RealtimeSR.Trainer.Commands;

namespace RealtimeSR.Trainer.Evaluation;

/// <summary>Turns a <c>--model</c> value (<c>bicubic</c> or a model file) into an upscaler for the requested scale.</summary>
internal static class UpscalerFactory
{
    /// <param name="model">'bicubic' or a path to an .onnx file.</param>
    /// <param name="scale">The scale asked for; a model of another scale is refused.</param>
    /// <param name="sessionOptions">Execution provider, threads and tiling for ONNX models.</param>
    /// <param name="log">Where one-line notices go (e.g. the CUDA fallback).</param>
    public static IImageUpscaler Open(string model, int scale, SrSessionOptions sessionOptions, Action<string> log)
    {
        if (string.Equals(model, BicubicUpscaler.ModelName, StringComparison.OrdinalIgnoreCase))
        {
            return new BicubicUpscaler(scale);
        }

        if (!model.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"--model {model}: expected 'bicubic' or an .onnx file");
        }

        var session = new SrSession(model, sessionOptions, log);
        if (session.Scale != scale)
        {
            session.Dispose();
            throw new ModelContractException(model, $"is a x{session.Scale} model; --scale {scale} was asked for");
        }

        return new OnnxUpscaler(session, Path.GetFileName(model));
    }
}
