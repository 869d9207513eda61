using System.CommandLine;
using RealtimeSR.Shared.Inference;
using RealtimeSR.Shared.IO;
using RealtimeSR.Trainer.Evaluation;

namespace RealtimeSR.Trainer.Commands;

/// <summary><c>eval</c>: PSNR/SSIM of bicubic or a model on benchmark sets, with the published protocol.</summary>
internal static class EvalCommand
{
    private static readonly Option<string> ModelOption = new("--model", "-m")
    {
        Description = "'bicubic' or a model file (.onnx)",
        Required = true,
    };

    private static readonly Option<string[]> SetOption = new("--set")
    {
        Description = "a benchmark set under DATA/sets (Set5, Set14, …); repeatable",
    };

    private static readonly Option<string[]> HrOption = new("--hr")
    {
        Description = "a folder of HR images to use as a set (named after the folder); repeatable",
    };

    private static readonly Option<string?> DataOption = new("--data")
    {
        Description = "the data folder holding sets/ (default: $RTSR_DATA or ../shared/data, else media/sets for Set5 and Set14)",
    };

    private static readonly Option<int> ScaleOption = ScaleOptions.Create("upscaling factor (2, 3, 4, …)");

    private static readonly Option<string?> JsonOption = new("--json")
    {
        Description = "also write the results as JSON to this file",
    };

    private static readonly Option<string?> SaveImagesOption = new("--save-images")
    {
        Description = "write every upscaled image as PNG under DIR/SET/",
    };

    public static Command Create()
    {
        var command = new Command("eval", "Score bicubic or a model on benchmark sets (Y-PSNR / SSIM, MATLAB-bicubic LR)")
        {
            ModelOption, SetOption, HrOption, DataOption, ScaleOption, JsonOption, SaveImagesOption,
        };
        foreach (Option option in SessionOptions.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(result => CommandExecution.Run(() => Execute(result)));
        return command;
    }

    private static int Execute(ParseResult result)
    {
        int scale = ScaleOptions.Read(result, ScaleOption);
        string? data = result.GetValue(DataOption);
        var sets = new List<BenchmarkSet>();
        sets.AddRange((result.GetValue(SetOption) ?? []).Select(name => BenchmarkSet.Named(name, data)));
        sets.AddRange((result.GetValue(HrOption) ?? []).Select(folder => BenchmarkSet.FromFolder(folder)));
        if (sets.Count == 0)
        {
            throw new UsageException("give at least one --set NAME or --hr DIR");
        }

        using IImageUpscaler upscaler = UpscalerFactory.Open(
            result.GetValue(ModelOption)!, scale, SessionOptions.From(result), Console.Error.WriteLine);
        var evaluator = new BenchmarkEvaluator(upscaler, result.GetValue(SaveImagesOption));
        var report = new EvalReport(upscaler.Name, scale, sets.Select(evaluator.Evaluate).ToList());

        Console.Write(report.ToTable());
        string? json = result.GetValue(JsonOption);
        if (json is not null)
        {
            AtomicFile.WriteAllText(json, report.ToJson());
            Console.WriteLine($"results written to {Path.GetFullPath(json)}");
        }

        return ExitCodes.Success;
    }
}
