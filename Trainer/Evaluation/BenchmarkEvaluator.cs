using System.Diagnostics;
using RealtimeSR.Shared.Imaging;
using RealtimeSR.Shared.Inference;
using RealtimeSR.Shared.Metrics;

namespace RealtimeSR.Trainer.Evaluation;

/// <summary>
/// The SR benchmark protocol: each HR image is cropped to a multiple of the scale, shrunk with MATLAB-compatible
/// bicubic, upscaled by the candidate, quantised to 8 bits and scored on Y with <c>scale</c> pixels of border shaved.
/// </summary>
internal sealed class BenchmarkEvaluator
{
    private readonly IUpscaler _upscaler;
    private readonly string? _saveFolder;

    /// <param name="upscaler">The candidate.</param>
    /// <param name="saveFolder">Where to write each upscaled image (under a folder per set), or null.</param>
    public BenchmarkEvaluator(IUpscaler upscaler, string? saveFolder)
    {
        _upscaler = upscaler;
        _saveFolder = saveFolder;
    }

    public SetResult Evaluate(BenchmarkSet set)
    {
        int scale = _upscaler.Scale;
        string? saveTo = _saveFolder is null ? null : Directory.CreateDirectory(Path.Combine(_saveFolder, set.Name)).FullName;
        double psnrSum = 0, ssimSum = 0, milliseconds = 0;

        foreach (string file in set.Files)
        {
            Image hr, lr;
            try
            {
                hr = ImageFile.Load(file).CropToMultipleOf(scale);
                lr = MatlabResize.Downscale(hr, scale);
            }
            catch (ImageTooSmallException e)
            {
                throw new ImageFileException(file, e.Message, e);
            }

            long start = Stopwatch.GetTimestamp();
            Image sr = _upscaler.Upscale(lr);
            milliseconds += Stopwatch.GetElapsedTime(start).TotalMilliseconds;

            psnrSum += Psnr.OnLuma(hr, sr, scale);
            ssimSum += Ssim.OnLuma(hr, sr, scale);
            if (saveTo is not null)
            {
                ImageFile.Save(sr, Path.Combine(saveTo, Path.GetFileNameWithoutExtension(file) + ".png"));
            }
        }

        int n = set.Files.Count;
        return new SetResult(set.Name, n, psnrSum / n, ssimSum / n, milliseconds / n);
    }
}
