using System.CommandLine;
using RealtimeSR.Shared;
using RealtimeSR.Shared.Imaging;
using RealtimeSR.Trainer.Evaluation;

namespace RealtimeSR.Trainer.Commands;

/// <summary><c>downscale</c>: MATLAB-bicubic LR images of a folder of HR images, under the same names.</summary>
internal static class DownscaleCommand
{
    private static readonly Option<string> HrOption = new("--hr")
    {
        Description = "folder of HR images (PNG, BMP, JPEG)",
        Required = true,
    };

    private static readonly Option<int> ScaleOption = ScaleOptions.Create("downscaling factor; each image is first cropped to a multiple of it");

    private static readonly Option<string> OutputOption = new("--output", "-o")
    {
        Description = "folder for the LR images (created; must not be the HR folder)",
        Required = true,
    };

    public static Command Create()
    {
        var command = new Command("downscale", "Make LR images with MATLAB-compatible bicubic imresize (same names)")
        {
            HrOption, ScaleOption, OutputOption,
        };
        command.SetAction(result => CommandExecution.Run(() => Execute(result)));
        return command;
    }

    private static int Execute(ParseResult result)
    {
        int scale = ScaleOptions.Read(result, ScaleOption);
        BenchmarkSet hr = BenchmarkSet.FromFolder(result.GetValue(HrOption)!);
        string output = Path.GetFullPath(result.GetValue(OutputOption)!);
        if (string.Equals(Path.TrimEndingDirectorySeparator(output), Path.TrimEndingDirectorySeparator(hr.Folder), StringComparison.Ordinal))
        {
            throw new UsageException($"-o {output}: is the HR folder itself; the inputs would be overwritten");
        }

        Directory.CreateDirectory(output);
        int failed = 0;
        foreach (string file in hr.Files)
        {
            try
            {
                Image lr = MatlabResize.Downscale(ImageFile.Load(file), scale);
                ImageFile.Save(lr, Path.Combine(output, Path.GetFileName(file)));
            }
            catch (ReportableException e)
            {
                Console.Error.WriteLine($"error: {(e is ImageFileException ? e.Message : $"{file}: {e.Message}")}");
                failed++;
            }
        }

        Console.WriteLine($"{hr.Files.Count - failed} of {hr.Files.Count} images downscaled x{scale} into {output}");
        return failed == 0 ? ExitCodes.Success : ExitCodes.BadInput;
    }
}
