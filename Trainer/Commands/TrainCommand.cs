using System.CommandLine;
using System.Runtime.InteropServices;
using RealtimeSR.Shared.Data;
using RealtimeSR.Trainer.Data;
using RealtimeSR.Trainer.Data.Degradations;
using RealtimeSR.Trainer.Models;
using RealtimeSR.Trainer.Torch;
using RealtimeSR.Trainer.Training;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Commands;

/// <summary><c>train</c>: trains a network from HR pictures, with checkpoints, logs and exact resume.</summary>
internal static class TrainCommand
{
    private static readonly Option<string> ArchOption = new("--arch")
    {
        Description = $"architecture or method: {string.Join(", ", ArchitectureRegistry.Names.Concat(TrainingMethods.Names))}",
        Required = true,
    };

    private static readonly Option<int> ScaleOption = new("--scale", "-s") { Description = "upscaling factor", DefaultValueFactory = _ => 4 };
    private static readonly Option<int?> ChannelsOption = new("--channels") { Description = "feature width (default: the architecture's published one)" };
    private static readonly Option<int?> BlocksOption = new("--blocks") { Description = "depth: residual blocks / mapping layers / 3x3 layers" };
    private static readonly Option<int?> FoldOption = new("--fold") { Description = "realtime nets: run the layers at 1/N resolution on a space-to-depth input (default 1)" };
    private static readonly Option<int?> CropOption = new("--crop") { Description = $"HR crop size in pixels, a multiple of the scale (default {TrainOptions.DefaultCropSize(4)} for x4, 24×scale otherwise)" };
    private static readonly Option<string?> DegradeOption = new("--degrade") { Description = "train for real camera footage: 'real' (blur, noise, JPEG, H.264 clips; ranges in the README) or a JSON file that changes some of those ranges" };
    private static readonly Option<int?> BatchOption = new("--batch") { Description = $"pairs per step (default {TrainOptions.Defaults.BatchSize})" };
    private static readonly Option<double?> LearningRateOption = new("--lr") { Description = $"Adam learning rate (default {SrResNet.Architecture.LearningRate:G} for SRResNet/SRGAN, {RealtimeCore.Architecture.LearningRate:G} for the compact nets)" };
    private static readonly Option<LearningRateSchedule?> ScheduleOption = new("--schedule") { Description = "Constant, Cosine or StepAtHalf (any case; default: Constant, StepAtHalf for SRGAN)" };
    private static readonly Option<long?> MaxStepsOption = new("--max-steps") { Description = $"stop after this step (default {TrainOptions.Defaults.MaxSteps})" };
    private static readonly Option<double?> MaxMinutesOption = new("--max-minutes") { Description = "also stop (with a checkpoint) after this many minutes" };
    private static readonly Option<long?> SeedOption = new("--seed") { Description = $"seed for initialisation and crops (default {TrainOptions.Defaults.Seed})" };
    private static readonly Option<string[]> TrainOption = new("--train") { Description = "folder of HR training pictures or a list from prepare, repeatable (default DATA/train)" };
    private static readonly Option<string?> ValidationOption = new("--val") { Description = "folder of HR validation pictures (default Set5: DATA/sets/Set5, else media/sets/Set5)" };
    private static readonly Option<bool> NoValidationOption = new("--no-val") { Description = "do not validate" };
    private static readonly Option<int?> CheckpointEveryOption = new("--checkpoint-every") { Description = $"steps between checkpoints (default {TrainOptions.Defaults.CheckpointEvery})" };
    private static readonly Option<int?> ValidateEveryOption = new("--validate-every") { Description = $"steps between validations (default {TrainOptions.Defaults.ValidateEvery})" };
    private static readonly Option<int?> LogEveryOption = new("--log-every") { Description = $"steps between log rows (default {TrainOptions.Defaults.LogEvery})" };
    private static readonly Option<int?> WorkersOption = new("--workers") { Description = $"batch-making threads (default {TrainOptions.Defaults.LoaderWorkers})" };
    private static readonly Option<int> ThreadsOption = new("--threads") { Description = "torch intra-op threads (default: all cores)" };
    private static readonly Option<DeviceChoice> DeviceOption = new("--device") { Description = "auto, cpu or cuda", DefaultValueFactory = _ => DeviceChoice.Auto };
    private static readonly Option<string> OutputOption = new("--output", "-o") { Description = "run folder (ckpt.pt, config.json, log.csv, curves.png, tensorboard/)", Required = true };
    private static readonly Option<bool> ResumeOption = new("--resume") { Description = "continue the run in the output folder from its ckpt.pt" };
    private static readonly Option<bool> BenchOption = new("--bench") { Description = "measure samples/s of this configuration (no checkpoint) and say where the time goes" };
    private static readonly Option<string?> InitFromOption = new("--init-from") { Description = "start from another run's weights (ckpt.pt) or an exported float32 model (.onnx): same arch and scale; a deeper realtime net gets its new layers as identity (from ckpt.pt)" };
    private static readonly Option<string?> GeneratorOption = new("--generator") { Description = "SRGAN: the trained SRResNet checkpoint to start from" };
    private static readonly Option<string?> PerceptualOption = new("--perceptual") { Description = "SRGAN: a pretrained ONNX classifier (e.g. VGG19) for the content loss (without: MSE on pixels)" };
    private static readonly Option<string?> PerceptualOutputOption = new("--perceptual-output") { Description = "SRGAN: the tensor of --perceptual whose features are compared (e.g. VGG19's conv5_4 ReLU)" };
    private static readonly Option<double?> AdversarialWeightOption = new("--adversarial-weight") { Description = $"SRGAN: weight of the adversarial loss against the content loss (default {TrainOptions.Defaults.AdversarialWeight:G}, the tutorial's)" };
    private static readonly Option<double?> PixelWeightOption = new("--pixel-weight") { Description = $"SRGAN with --perceptual: weight of an MSE on pixels added to the feature loss (default {TrainOptions.Defaults.PixelWeight:G}, the tutorial's)" };
    private static readonly Option<string?> PerceptualInputOption = new("--perceptual-input") { Description = "SRGAN: what --perceptual expects: imagenet (RGB, mean/std; default) or caffe-bgr (BGR 0-255 minus mean)" };

    public static Command Create()
    {
        var command = new Command("train", "Train an SR network (SRResNet, SRGAN, SRCNN, FSRCNN, ESPCN, real-time nets)")
        {
            ArchOption, ScaleOption, ChannelsOption, BlocksOption, FoldOption, CropOption, DegradeOption, BatchOption, LearningRateOption, ScheduleOption,
            MaxStepsOption, MaxMinutesOption, SeedOption, TrainOption, ValidationOption, NoValidationOption,
            CheckpointEveryOption, ValidateEveryOption, LogEveryOption, WorkersOption, ThreadsOption, DeviceOption,
            OutputOption, ResumeOption, BenchOption, InitFromOption, GeneratorOption,
            PerceptualOption, PerceptualOutputOption, PerceptualInputOption, AdversarialWeightOption, PixelWeightOption,
        };
        command.SetAction(result => CommandExecution.Run(() => Execute(result)));
        return command;
    }

    private static int Execute(ParseResult result)
    {
        string folder = Path.GetFullPath(result.GetValue(OutputOption)!);
        string checkpoint = Path.Combine(folder, Checkpoint.FileName);
        bool resume = result.GetValue(ResumeOption);
        bool bench = result.GetValue(BenchOption);
        TrainOptions options;
        if (resume)
        {
            if (!File.Exists(checkpoint))
            {
                throw new UsageException($"--resume: {checkpoint} not found");
            }

            options = Checkpoint.ReadState(checkpoint).Options;
            CheckSameArchitecture(result, options, checkpoint);
            options = options with
            {
                MaxSteps = result.GetValue(MaxStepsOption) ?? options.MaxSteps,
                MaxMinutes = result.GetValue(MaxMinutesOption) ?? 0,
            };
        }
        else
        {
            if (File.Exists(checkpoint) && !bench)
            {
                throw new UsageException($"-o {folder}: already holds a run (ckpt.pt); add --resume to continue it or choose another folder");
            }

            options = Build(result);
        }

        int threads = result.GetValue(ThreadsOption);
        set_num_threads(threads > 0 ? threads : Environment.ProcessorCount);
        Device device = TorchDevice.Resolve(result.GetValue(DeviceOption), TrainingLog.Line);

        if (bench)
        {
            TrainingBenchmark.Run(options, device, Path.Combine(folder, "batch-preview.png"));
            return ExitCodes.Success;
        }

        // Ctrl-C (SIGINT) and SIGTERM finish the current step, save a checkpoint and exit: a run is never lost to
        // a stop request. Registering both also covers shells that start background jobs with SIGINT ignored.
        using var stop = new CancellationTokenSource();
        void OnStop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnStop);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnStop);
        try
        {
            var run = new TrainingRun(options, folder, device);
            CheckpointState state = run.Run(resume, stop.Token);
            TrainingLog.Line($"checkpoint at step {state.Step}: {run.CheckpointPath}");
            TrainingLog.Line($"logs: {Path.Combine(folder, "log.csv")}, {Path.Combine(folder, "curves.png")}, {Path.Combine(folder, "tensorboard")}");
            if (stop.IsCancellationRequested)
            {
                TrainingLog.Line($"stopped; continue with: ./rtsr train --arch {options.Method} -o {folder} --resume");
                return ExitCodes.Interrupted;
            }

            return ExitCodes.Success;
        }
        finally
        {
            stop.Cancel(); // nothing to stop any more; keeps a late signal from racing the disposal
        }
    }

    private static TrainOptions Build(ParseResult result)
    {
        string method = result.GetValue(ArchOption)!.Trim().ToLowerInvariant();
        int scale = result.GetValue(ScaleOption);
        NetworkOptions defaults = ArchitectureRegistry.Defaults(method, scale);
        NetworkOptions network = defaults with
        {
            Channels = result.GetValue(ChannelsOption) ?? defaults.Channels,
            Blocks = result.GetValue(BlocksOption) ?? defaults.Blocks,
            Fold = result.GetValue(FoldOption) ?? defaults.Fold,
        };
        NetworkArchitecture architecture = ArchitectureRegistry.Find(method);
        if (network.Fold < 1 || (network.Fold > 1 && !architecture.Folds))
        {
            throw new UsageException($"--fold {network.Fold}: only {ArchitectureRegistry.FoldingNames()} fold, by 1 or more");
        }

        if (!architecture.Scales.Contains(scale))
        {
            throw new UnsupportedScaleException(architecture, scale);
        }

        bool gan = method == TrainingMethods.Srgan;
        if (gan && result.GetValue(GeneratorOption) is null)
        {
            throw new UsageException("--arch srgan starts from a trained SRResNet: give --generator runs/NAME/ckpt.pt");
        }

        if (gan && result.GetValue(InitFromOption) is not null)
        {
            throw new UsageException("--init-from: SRGAN starts from its --generator checkpoint");
        }

        string? perceptual = result.GetValue(PerceptualOption);
        if (perceptual is not null && !gan)
        {
            throw new UsageException("--perceptual: only SRGAN has a content loss on features");
        }

        if (perceptual is null && (result.GetValue(PerceptualOutputOption) is not null || result.GetValue(PerceptualInputOption) is not null))
        {
            throw new UsageException("--perceptual-output and --perceptual-input describe a --perceptual model; give one");
        }

        if (perceptual is not null && result.GetValue(PerceptualOutputOption) is null)
        {
            throw new UsageException("--perceptual needs --perceptual-output NAME: the tensor whose features are compared");
        }

        if (perceptual is not null && !File.Exists(perceptual))
        {
            throw new UsageException($"--perceptual {perceptual}: file not found");
        }

        if (result.GetValue(InitFromOption) is { } init)
        {
            // Checked before any training starts: the header alone says whether the weights can fit.
            var (savedArchitecture, savedScale) = OnnxWeightImport.IsOnnx(init)
                ? OnnxWeightImport.Describe(init)
                : Checkpoint.ReadState(init).Options.Network is var saved ? (saved.Architecture, saved.Scale) : default;
            if (savedArchitecture != network.Architecture || savedScale != network.Scale)
            {
                throw new CheckpointException(init, $"holds {savedArchitecture} x{savedScale}; --init-from needs {network.Architecture} x{network.Scale}");
            }
        }

        int crop = result.GetValue(CropOption) ?? TrainOptions.DefaultCropSize(scale);

        string? data = DataRoot.Find();
        string[] train = result.GetValue(TrainOption) is { Length: > 0 } given
            ? given
            : [data is null ? throw new UsageException("no --train folder given and no shared data folder found") : Path.Combine(data, "train")];
        foreach (string folder in train.Where(f => !Directory.Exists(f) && !ImageList.IsListFile(f)))
        {
            throw new TrainingDataException($"{folder}: training data folder not found");
        }

        string? validation = result.GetValue(NoValidationOption)
            ? null
            : result.GetValue(ValidationOption) ?? DataRoot.FindSet("Set5");

        if (validation is not null && !Directory.Exists(validation))
        {
            throw new TrainingDataException($"{validation}: validation folder not found (give --val DIR or --no-val)");
        }

        TrainOptions d = TrainOptions.Defaults;
        var options = new TrainOptions
        {
            Network = network,
            Degradations = Degradations(result.GetValue(DegradeOption)),
            Method = method,
            TrainFolders = train.Select(Path.GetFullPath).ToArray(),
            ValidationFolder = validation is null ? null : Path.GetFullPath(validation),
            CropSize = crop,
            BatchSize = result.GetValue(BatchOption) ?? d.BatchSize,
            LearningRate = result.GetValue(LearningRateOption) ?? architecture.LearningRate,
            Schedule = result.GetValue(ScheduleOption) ?? TrainingMethods.DefaultSchedule(method),
            MaxSteps = result.GetValue(MaxStepsOption) ?? d.MaxSteps,
            MaxMinutes = result.GetValue(MaxMinutesOption) ?? d.MaxMinutes,
            Seed = result.GetValue(SeedOption) ?? d.Seed,
            CheckpointEvery = result.GetValue(CheckpointEveryOption) ?? d.CheckpointEvery,
            ValidateEvery = result.GetValue(ValidateEveryOption) ?? d.ValidateEvery,
            LogEvery = result.GetValue(LogEveryOption) ?? d.LogEvery,
            LoaderWorkers = result.GetValue(WorkersOption) ?? d.LoaderWorkers,
            InitialWeights = result.GetValue(InitFromOption) is { } weights ? Path.GetFullPath(weights) : null,
            GeneratorCheckpoint = result.GetValue(GeneratorOption) is { } g ? Path.GetFullPath(g) : null,
            PerceptualModel = perceptual is null ? null : Path.GetFullPath(perceptual),
            PerceptualOutput = perceptual is null ? null : result.GetValue(PerceptualOutputOption),
            PerceptualInput = PerceptualInput(result),
            AdversarialWeight = result.GetValue(AdversarialWeightOption) ?? d.AdversarialWeight,
            PixelWeight = result.GetValue(PixelWeightOption) ?? d.PixelWeight,
        };
        options.Validate();
        return options;
    }

    /// <summary>The degradations <c>--degrade</c> asks for: none, the built-in ranges, or those with a JSON file's changes.</summary>
    private static DegradationOptions? Degradations(string? given)
    {
        if (given is null)
        {
            return null;
        }

        DegradationOptions options;
        if (given.Equals("real", StringComparison.OrdinalIgnoreCase))
        {
            options = new DegradationOptions();
        }
        else if (File.Exists(given))
        {
            try
            {
                options = TrainOptions.DegradationsFromJson(File.ReadAllText(given));
            }
            catch (System.Text.Json.JsonException e)
            {
                throw new UsageException($"--degrade {given}: not a degradation settings file ({e.Message})");
            }
        }
        else
        {
            throw new UsageException($"--degrade {given}: 'real' or a JSON file of degradation settings (file not found)");
        }

        return options;
    }

    private static FeatureInputConvention PerceptualInput(ParseResult result) => result.GetValue(PerceptualInputOption) switch
    {
        null or "imagenet" => FeatureInputConvention.ImageNet,
        "caffe-bgr" => FeatureInputConvention.CaffeBgr,
        var other => throw new UsageException($"--perceptual-input {other}: imagenet or caffe-bgr"),
    };

    private static void CheckSameArchitecture(ParseResult result, TrainOptions saved, string checkpoint)
    {
        string asked = result.GetValue(ArchOption)!.Trim().ToLowerInvariant();
        if (asked != saved.Method)
        {
            throw new CheckpointException(checkpoint, $"is a {saved.Method} run; --arch {asked} cannot resume it");
        }
    }
}
