using System.Text.Json;
using System.Text.Json.Serialization;
using RealtimeSR.Shared.Commands;
using RealtimeSR.Trainer.Data.Degradations;
using RealtimeSR.Trainer.Models;

namespace RealtimeSR.Trainer.Training;

/// <summary>
/// The whole experiment in one immutable record (nanoGPT/BasicSR style): built once from the command line,
/// validated once, written as <c>config.json</c> beside every checkpoint and stored inside the checkpoint, so a
/// run can be resumed or re-made from it alone.
/// </summary>
internal sealed record TrainOptions
{
    /// <summary>The network to train (SRGAN trains an SRResNet generator).</summary>
    public required NetworkOptions Network { get; init; }

    /// <summary>srresnet, srgan, srcnn, fsrcnn, espcn or realtime: what <c>--arch</c> said.</summary>
    public required string Method { get; init; }

    /// <summary>Folders of HR training pictures (searched recursively).</summary>
    public required IReadOnlyList<string> TrainFolders { get; init; }

    /// <summary>Folder of HR validation pictures, or null for no validation.</summary>
    public string? ValidationFolder { get; init; }

    /// <summary>Pictures smaller than this on either side are not used.</summary>
    public int MinImageSize { get; init; } = 100;

    /// <summary>HR crop side in pixels, a multiple of the scale (the tutorial uses 96 for ×4).</summary>
    public int CropSize { get; init; } = 96;

    /// <summary>Camera degradations between the HR crop and the LR input (real-footage training), or null for the plain MATLAB-bicubic LR.</summary>
    public DegradationOptions? Degradations { get; init; }

    /// <summary>Side of the HR square a training item is cut from: the crop plus room for a degraded clip's motion.</summary>
    [JsonIgnore]
    public int RegionSize => CropSize + 2 * (Degradations?.Margin ?? 0);

    /// <summary>Pairs per step (the tutorial uses 16).</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Adam learning rate at the start (the tutorial uses 1e-4).</summary>
    public double LearningRate { get; init; } = 1e-4;

    /// <summary>How the learning rate moves over the run.</summary>
    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.Constant;

    /// <summary>The run ends after this step.</summary>
    public long MaxSteps { get; init; } = 100_000;

    /// <summary>The run also ends (with a checkpoint) after this many minutes of this session; 0 = no limit.</summary>
    public double MaxMinutes { get; init; }

    /// <summary>Seeds weight initialisation and every crop; the same seed gives the same run on CPU.</summary>
    public long Seed { get; init; } = 1;

    public int CheckpointEvery { get; init; } = 500;

    public int ValidateEvery { get; init; } = 1000;

    /// <summary>Progress lines (when stderr is not a terminal), log.csv rows and TensorBoard scalars.</summary>
    public int LogEvery { get; init; } = 50;

    /// <summary>Threads making batches alongside training.</summary>
    public int LoaderWorkers { get; init; } = 1;

    /// <summary>A checkpoint whose weights the run starts from (see <see cref="WeightTransfer"/>), or null.</summary>
    public string? InitialWeights { get; init; }

    /// <summary>SRGAN: the trained SRResNet checkpoint the generator starts from.</summary>
    public string? GeneratorCheckpoint { get; init; }

    /// <summary>SRGAN: an ONNX classifier whose features the content loss compares, or null for MSE on pixels.</summary>
    public string? PerceptualModel { get; init; }

    /// <summary>SRGAN: the tensor of <see cref="PerceptualModel"/> that the content loss compares.</summary>
    public string? PerceptualOutput { get; init; }

    /// <summary>SRGAN: how <see cref="PerceptualModel"/> wants its pictures.</summary>
    public FeatureInputConvention PerceptualInput { get; init; } = FeatureInputConvention.ImageNet;

    /// <summary>SRGAN: weight of the adversarial loss (the tutorial uses 1e-3).</summary>
    public double AdversarialWeight { get; init; } = 1e-3;

    /// <summary>
    /// SRGAN with a <see cref="PerceptualModel"/>: weight of an MSE on pixels added to the feature loss, which keeps
    /// colours and flat areas where the features do not look (0, the tutorial: none).
    /// </summary>
    public double PixelWeight { get; init; }

    /// <summary>
    /// The defaults every run starts from, written once here: the command line fills in what it is given and its
    /// help texts quote these values.
    /// </summary>
    public static readonly TrainOptions Defaults = new()
    {
        Network = new NetworkOptions(string.Empty, Scale: 4, Channels: 2, Blocks: 0),
        Method = string.Empty,
        TrainFolders = [],
    };

    /// <summary>The HR crop when none is given: 96 px at ×4 (the tutorial's), 24 LR px otherwise.</summary>
    public static int DefaultCropSize(int scale) => scale == 4 ? 96 : 24 * scale;

    /// <summary>
    /// Checks the rules that tie the options together; the command line calls it once, tests may too.
    /// </summary>
    /// <exception cref="UsageException">The first rule broken, named by its command-line option.</exception>
    public void Validate()
    {
        int scale = Network.Scale;
        if (CropSize % scale != 0 || CropSize < 2 * scale)
        {
            throw new UsageException($"--crop {CropSize}: must be a multiple of the scale {scale} and at least {2 * scale}");
        }

        if (PerceptualModel is not null && CropSize < SrganMethod.MinimumFeatureCrop)
        {
            throw new UsageException($"--crop {CropSize}: the feature loss shifts its pictures, so SRGAN with --perceptual needs crops of at least {SrganMethod.MinimumFeatureCrop} px");
        }

        (string Option, long Value)[] positive =
        [
            ("--batch", BatchSize), ("--max-steps", MaxSteps), ("--checkpoint-every", CheckpointEvery),
            ("--validate-every", ValidateEvery), ("--log-every", LogEvery), ("--workers", LoaderWorkers),
        ];
        foreach (var (option, value) in positive.Where(p => p.Value < 1))
        {
            throw new UsageException($"{option} {value}: must be at least 1");
        }

        if (!(LearningRate > 0) || double.IsInfinity(LearningRate))
        {
            throw new UsageException($"--lr {LearningRate}: a finite number above 0");
        }

        bool gan = Method == TrainingMethods.Srgan;
        if (AdversarialWeight != Defaults.AdversarialWeight && (!gan || !(AdversarialWeight >= 0) || double.IsInfinity(AdversarialWeight)))
        {
            throw new UsageException($"--adversarial-weight {AdversarialWeight}: SRGAN only, a finite number not below 0");
        }

        if (PixelWeight != Defaults.PixelWeight && (PerceptualModel is null || !(PixelWeight >= 0) || double.IsInfinity(PixelWeight)))
        {
            throw new UsageException($"--pixel-weight {PixelWeight}: SRGAN with --perceptual only (without, the content loss is on pixels already), a finite number not below 0");
        }

        if (Degradations is { } degradations)
        {
            if (degradations.Problem() is { } problem)
            {
                throw new UsageException($"--degrade: {problem}");
            }

            if (degradations.H264Probability > 0 && (CropSize / scale) % 2 != 0)
            {
                throw new UsageException($"--crop {CropSize}: H.264 needs an even LR side (crop / scale = {CropSize / scale})");
            }
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Degradation settings from JSON in this file's naming (snake_case); absent fields keep their defaults.</summary>
    public static DegradationOptions DegradationsFromJson(string json) =>
        JsonSerializer.Deserialize<DegradationOptions>(json, JsonOptions) ?? throw new JsonException("empty degradation settings");

    public static TrainOptions FromJson(string json) =>
        JsonSerializer.Deserialize<TrainOptions>(json, JsonOptions) ?? throw new JsonException("empty training options");
}
