using RealtimeSR.Shared.Inference;
using RealtimeSR.Trainer.Commands;

namespace RealtimeSR.Trainer.Evaluation;

/// <summary>Turns a <c>--model</c> value (<c>bicubic</c> or a model file) into an upscaler for the requested scale.</summary>
internal static class UpscalerFactory
{
    public static IImageUpscaler Open(string model, int scale)
    {
        if (string.Equals(model, BicubicUpscaler.ModelName, StringComparison.OrdinalIgnoreCase))
        {
            return new BicubicUpscaler(scale);
        }

        throw new UsageException($"--model {model}: expected 'bicubic' or an .onnx file");
    }
}
