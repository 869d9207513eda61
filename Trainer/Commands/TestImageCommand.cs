using System.CommandLine;
using System.Globalization;
using RealtimeSR.Shared.Imaging;
using RealtimeSR.Shared.Inference;
using RealtimeSR.Shared.Metrics;
using RealtimeSR.Trainer.Evaluation;

namespace RealtimeSR.Trainer.Commands;

/// <summary>
/// <c>test</c> (the tutorial's test.py): super-resolves one picture and writes the result and a comparison strip
/// (bicubic | SR, plus the original when known, with PSNR/SSIM printed). Run through <c>./rtsr test --model … --image …</c>.
/// </summary>
internal static class TestImageCommand
{
    private static readonly Option<string> ModelOption = new("--model", "-m") { Description = "'bicubic', an .onnx model or a .pt checkpoint", Required = true };
    private static readonly Option<string> ImageOption = new("--image", "-i") { Description = "the picture to upscale", Required = true };
    private static readonly Option<string?> OutputOption = new("--output", "-o") { Description = "the SR picture to write (default: NAME_srxS.png beside the input); the strip goes to NAME_compare.png beside it" };
    private static readonly Option<bool> FromOriginalOption = new("--from-original") { Description = "the picture is a high-resolution original: shrink it by the scale first (MATLAB bicubic) and score the results against it" };
    private static readonly Option<int?> ScaleOption = new("--scale", "-s") { Description = "scale (needed for bicubic; a model has its own)" };
    private static readonly Option<bool> OverwriteOption = new("--overwrite") { Description = "replace existing output files" };

    public static Command Create()
    {
        var command = new Command("test", "Upscale one picture; write it and a bicubic | SR | original comparison")
        {
            ModelOption, ImageOption, OutputOption, FromOriginalOption, ScaleOption, OverwriteOption,
        };
        InferenceOptions.AddTo(command);

        command.SetAction(result => CommandExecution.Run(() => Execute(result)));
        return command;
    }

    private static int Execute(ParseResult result)
    {
        string input = Path.GetFullPath(result.GetValue(ImageOption)!);
        Image picture = ImageFile.Load(input);
        using IUpscaler upscaler = UpscalerFactory.Open(
            result.GetValue(ModelOption)!, result.GetValue(ScaleOption), InferenceOptions.From(result), Console.Error.WriteLine);
        int scale = upscaler.Scale;

        string output = Path.GetFullPath(result.GetValue(OutputOption)
            ?? Path.Combine(Path.GetDirectoryName(input)!, $"{Path.GetFileNameWithoutExtension(input)}_srx{scale}.png"));
        string strip = Path.Combine(Path.GetDirectoryName(output)!, $"{Path.GetFileNameWithoutExtension(output)}_compare.png");
        foreach (string target in new[] { output, strip })
        {
            if (target == input)
            {
                throw new UsageException($"-o {target}: is the input picture");
            }

            if (File.Exists(target) && !result.GetValue(OverwriteOption))
            {
                throw new UsageException($"{target}: exists; add --overwrite to replace it");
            }
        }

        Image? original = null;
        Image lr = picture;
        if (result.GetValue(FromOriginalOption))
        {
            original = picture.CropToMultipleOf(scale);
            lr = MatlabResize.Downscale(original, scale);
        }

        Image bicubic = MatlabResize.Upscale(lr, scale);
        Image sr = upscaler.Upscale(lr);
        ImageFile.Save(sr, output);
        ImageFile.Save(ComparisonStrip.Compose(original is null ? [bicubic, sr] : [bicubic, sr, original]), strip);

        Console.WriteLine($"{upscaler.Name} x{scale}: {lr.Width}x{lr.Height} -> {sr.Width}x{sr.Height}");
        Console.WriteLine($"wrote {output}");
        Console.WriteLine($"wrote {strip} (left to right: bicubic | {upscaler.Name}{(original is null ? "" : " | original")})");
        if (original is not null)
        {
            foreach (var (name, candidate) in new[] { ("bicubic", bicubic), (upscaler.Name, sr) })
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-12} PSNR {Psnr.OnLuma(original, candidate, scale):F2} dB  SSIM {Ssim.OnLuma(original, candidate, scale):F4}  (Y, {scale} px shaved)"));
            }
        }

        return ExitCodes.Success;
    }
}
