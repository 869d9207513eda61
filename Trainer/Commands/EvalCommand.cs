using System.CommandLine;
using RealtimeSR.Shared.Inference;
using RealtimeSR.Shared.IO;
using RealtimeSR.Shared.Video;
using RealtimeSR.Trainer.Evaluation;

namespace RealtimeSR.Trainer.Commands;

/// <summary><c>eval</c>: PSNR/SSIM of bicubic or a model on benchmark sets, with the published protocol.</summary>
internal static class EvalCommand
{
    private static readonly Option<string[]> ModelOption = new("--model", "-m")
    {
        Description = "'bicubic' or a model file (.onnx); with --video or --lr repeatable, each model scored on the same LR",
        Required = true,
    };

    private static readonly Option<string[]> VideoOption = new("--video")
    {
        Description = "real-footage benchmark: a clip whose frames are the HR; its MATLAB-bicubic LR is scored clean and after libx264 at each --crf; repeatable",
    };

    private static readonly Option<int[]> CrfOption = new("--crf")
    {
        Description = "with --video: a libx264 CRF to compress the LR at, repeatable (default 23 and 32)",
    };

    private static readonly Option<int> FramesOption = new("--frames")
    {
        Description = "with --video: how many frames from the start of each clip (default 100)",
        DefaultValueFactory = _ => 100,
    };

    private static readonly Option<string?> LrOption = new("--lr")
    {
        Description = "a folder of LR frames made elsewhere, scored against the --hr folder's frames in file-name order (with flicker)",
    };

    private static readonly Option<double?> TemporalDenoiseOption = new("--temporal-denoise")
    {
        Description = "with --video or --lr: also score each LR condition after the player's temporal denoiser of this strength (8-bit levels, e.g. 10), as CONDITION+td",
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
            VideoOption, CrfOption, FramesOption, LrOption, TemporalDenoiseOption,
        };
        InferenceOptions.AddTo(command);

        command.SetAction(result => CommandExecution.Run(() => Execute(result)));
        return command;
    }

    private static int Execute(ParseResult result)
    {
        int scale = ScaleOptions.Read(result, ScaleOption);
        string[] models = result.GetValue(ModelOption)!;
        string[] videos = result.GetValue(VideoOption) ?? [];
        string? lrFolder = result.GetValue(LrOption);
        if (videos.Length > 0 || lrFolder is not null)
        {
            return ExecuteClips(result, scale, models, videos, lrFolder);
        }

        if (result.GetValue(TemporalDenoiseOption) is not null)
        {
            throw new UsageException("--temporal-denoise filters clips in time: give it with --video or --lr");
        }

        if (models.Length != 1)
        {
            throw new UsageException($"--model: give one for --set/--hr ({models.Length} given); several are for --video and --lr");
        }

        string? data = result.GetValue(DataOption);
        var sets = new List<BenchmarkSet>();
        sets.AddRange((result.GetValue(SetOption) ?? []).Select(name => BenchmarkSet.Named(name, data)));
        sets.AddRange((result.GetValue(HrOption) ?? []).Select(folder => BenchmarkSet.FromFolder(folder)));
        if (sets.Count == 0)
        {
            throw new UsageException("give at least one --set NAME or --hr DIR");
        }

        using IUpscaler upscaler = UpscalerFactory.Open(models[0], scale, InferenceOptions.From(result), Console.Error.WriteLine);
        var evaluator = new BenchmarkEvaluator(upscaler, result.GetValue(SaveImagesOption));
        var report = new EvalReport(upscaler.Name, scale, sets.Select(evaluator.Evaluate).ToList());

        Write(result, report.ToTable(), report.ToJson());
        return ExitCodes.Success;
    }

    /// <summary>The real-footage benchmark: every model on every clip's clean and compressed LR (made once per clip).</summary>
    private static int ExecuteClips(ParseResult result, int scale, string[] models, string[] videos, string? lrFolder)
    {
        string[] hrFolders = result.GetValue(HrOption) ?? [];
        if (lrFolder is not null && hrFolders.Length != 1)
        {
            throw new UsageException("--lr DIR pairs with one --hr DIR (the HR frames, in the same file-name order)");
        }

        if (lrFolder is null && hrFolders.Length > 0 || (result.GetValue(SetOption) ?? []).Length > 0)
        {
            throw new UsageException("--video scores clips; --set and --hr (without --lr) score pictures: run them apart");
        }

        int frames = result.GetValue(FramesOption);
        if (frames < 2)
        {
            throw new UsageException($"--frames {frames}: at least 2 (flicker compares consecutive frames)");
        }

        int[] crfs = result.GetValue(CrfOption) is { Length: > 0 } given ? given : [23, 32];
        foreach (int crf in crfs.Where(c => c is < 0 or > 51))
        {
            throw new UsageException($"--crf {crf}: libx264's CRF is 0 to 51");
        }

        double? strength = result.GetValue(TemporalDenoiseOption);
        if (strength is { } s && !TemporalDenoiser.IsValidStrength(s))
        {
            throw new UsageException($"--temporal-denoise {s}: a strength {TemporalDenoiser.StrengthRange}");
        }

        // Models first: a wrong model file fails before minutes go into encoding clips.
        var upscalers = new List<IUpscaler>();
        try
        {
            foreach (string model in models)
            {
                upscalers.Add(UpscalerFactory.Open(model, scale, InferenceOptions.From(result), Console.Error.WriteLine));
            }

            // Each clip's LR is made once (the encodes are the slow part) and every model scored on it; the rows go
            // clip by clip, condition by condition, the models in the order given.
            var results = new List<VideoResult>();
            IEnumerable<CompressedClip> clips = lrFolder is null
                ? videos.Select(video => CompressedClip.FromVideo(video, scale, frames, crfs))
                : [CompressedClip.FromFolders(lrFolder, hrFolders[0], scale)];
            foreach (CompressedClip made in clips)
            {
                CompressedClip clip = strength is { } level ? made.WithTemporalDenoise(() => new TemporalDenoiser(level)) : made;
                List<VideoResult>[] byModel = upscalers.Select(u => VideoEvaluator.Evaluate(u, clip).ToList()).ToArray();
                for (int condition = 0; condition < clip.Conditions.Count; condition++)
                {
                    results.AddRange(byModel.Select(rows => rows[condition]));
                }
            }

            var report = new VideoEvalReport(scale, results);
            Write(result, report.ToTable(), report.ToJson());
            return ExitCodes.Success;
        }
        finally
        {
            foreach (IUpscaler upscaler in upscalers)
            {
                upscaler.Dispose();
            }
        }
    }

    private static void Write(ParseResult result, string table, string json)
    {
        Console.Write(table);
        string? path = result.GetValue(JsonOption);
        if (path is not null)
        {
            AtomicFile.WriteAllText(path, json);
            Console.WriteLine($"results written to {Path.GetFullPath(path)}");
        }
    }
}
