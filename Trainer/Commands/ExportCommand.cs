using System.CommandLine;
using System.Globalization;
using RealtimeSR.Shared.Inference;
using RealtimeSR.Shared.IO;
using RealtimeSR.Shared.Onnx;
using RealtimeSR.Trainer.Evaluation;
using RealtimeSR.Trainer.Export;
using RealtimeSR.Trainer.Models;
using RealtimeSR.Trainer.Training;

namespace RealtimeSR.Trainer.Commands;

/// <summary>
/// <c>export</c>: a checkpoint to an ONNX model that follows the contract, checked against the TorchSharp forward
/// (parity) before it is written, with its model card filled in (and Set5/Set14 figures when the data is there).
/// </summary>
internal static class ExportCommand
{
    private static readonly Argument<string> CheckpointArgument = new("checkpoint") { Description = "a training checkpoint (runs/NAME/ckpt.pt)" };
    private static readonly Option<string> OutputOption = new("--output", "-o") { Description = "the ONNX file to write", Required = true };
    private static readonly Option<bool> OverwriteOption = new("--overwrite") { Description = "replace an existing output file" };
    private static readonly Option<bool> NoEvalOption = new("--no-eval") { Description = "do not score the model on Set5/Set14 for its card" };
    private static readonly Option<string?> DataOption = new("--data") { Description = "the data folder holding sets/ (default: $RTSR_DATA or ../shared/data, else media/sets)" };
    private static readonly Option<string?> NotesOption = new("--notes") { Description = "free text for the model card" };
    private static readonly Option<bool> HalfWeightsOption = new("--fp16-weights")
    {
        Description = "store convolution weights as float16 (about half the file; ONNX Runtime casts them back at load, so speed is unchanged)",
    };

    private static readonly Option<string?> InterpolateWithOption = new("--interpolate-with")
    {
        Description = "a checkpoint of the same network to blend in (network interpolation; e.g. the SRResNet an SRGAN was fine-tuned from)",
    };

    private static readonly Option<double?> InterpolationOption = new("--interpolation")
    {
        Description = "with --interpolate-with: the fraction of its weights, 0 to 1 (0.3: 70 % this checkpoint, 30 % the other)",
    };

    public static Command Create()
    {
        var command = new Command("export", "Export a checkpoint as an ONNX model (contract-checked, parity-checked, with model card)")
        {
            CheckpointArgument, OutputOption, OverwriteOption, NoEvalOption, DataOption, NotesOption, HalfWeightsOption,
            InterpolateWithOption, InterpolationOption,
        };
        command.SetAction(result => CommandExecution.Run(() => Execute(result)));
        return command;
    }

    private static int Execute(ParseResult result)
    {
        string checkpoint = result.GetValue(CheckpointArgument)!;
        string output = Path.GetFullPath(result.GetValue(OutputOption)!);
        if (File.Exists(output) && !result.GetValue(OverwriteOption))
        {
            throw new UsageException($"-o {output}: exists; add --overwrite to replace it");
        }

        string? blendPath = result.GetValue(InterpolateWithOption);
        double? t = result.GetValue(InterpolationOption);
        if ((blendPath is null) != (t is null) || t is < 0 or > 1 || t is double.NaN)
        {
            throw new UsageException("--interpolate-with CKPT and --interpolation T (0 to 1) go together");
        }

        var (network, state) = Checkpoint.LoadNetwork(checkpoint);
        using (network)
        {
            string? interpolation = blendPath is null ? null : Interpolate(network, state, blendPath, t!.Value);
            WeightStorage weights = result.GetValue(HalfWeightsOption) ? WeightStorage.Float16 : WeightStorage.Float32;
            ModelCard card = CardFor(network, state, result.GetValue(NotesOption), weights, interpolation);
            byte[] bytes = OnnxExporter.Build(network, card).ToBytes();
            double difference = ExportParity.Check(network, bytes, output);
            string parity = $"parity max |ONNX − TorchSharp| = {difference:G3}";
            if (weights == WeightStorage.Float16)
            {
                // The graph is checked in float32 above; this measures only what the rounding of the weights costs.
                byte[] half = OnnxExporter.Build(network, card, weights).ToBytes();
                parity += $", float16 weights move it by {ExportParity.CheckHalfWeights(bytes, half, output):G3}";
                bytes = half;
            }

            string? data = result.GetValue(DataOption);
            if (!result.GetValue(NoEvalOption))
            {
                card = card with { Metrics = Score(bytes, network.Scale, data) };
                bytes = OnnxExporter.Build(network, card, weights).ToBytes();
            }

            AtomicFile.Write(output, temporary => File.WriteAllBytes(temporary, bytes));
            Console.WriteLine($"wrote {output} ({bytes.Length / 1e6:F2} MB): {Checkpoint.Describe(network.Options)}, " +
                              $"step {state.Step}, {parity}");
            foreach (var (name, value) in card.Metrics)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name} = {value:0.####}"));
            }
        }

        return ExitCodes.Success;
    }

    /// <returns>What was blended, for the card.</returns>
    private static string Interpolate(SrNetwork network, CheckpointState state, string otherPath, double t)
    {
        var (other, otherState) = Checkpoint.LoadNetwork(otherPath);
        using (other)
        {
            if (other.Options != network.Options)
            {
                throw new CheckpointException(otherPath,
                    $"holds {Checkpoint.Describe(other.Options)}; --interpolate-with needs the {Checkpoint.Describe(network.Options)} being exported");
            }

            NetworkInterpolation.Apply(network, other, t);
            return string.Create(CultureInfo.InvariantCulture,
                $"{1 - t:0.###} × this {state.Options.Method} run (step {state.Step}) + {t:0.###} × {otherState.Options.Method} step {otherState.Step} ({Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(otherPath)))})");
        }
    }

    private static ModelCard CardFor(SrNetwork network, CheckpointState state, string? notes, WeightStorage weights, string? interpolation)
    {
        TrainOptions o = state.Options;
        string data = string.Join(" + ", o.TrainFolders.Select(f => Path.GetFileName(Path.TrimEndingDirectorySeparator(f))));
        var extra = new Dictionary<string, string>
        {
            ["channels"] = network.Options.Channels.ToString(CultureInfo.InvariantCulture),
            ["blocks"] = network.Options.Blocks.ToString(CultureInfo.InvariantCulture),
            ["learning_rate"] = o.LearningRate.ToString("G4", CultureInfo.InvariantCulture),
            ["schedule"] = o.Schedule.ToString(),
            ["training_minutes"] = (state.TrainingSeconds / 60).ToString("F0", CultureInfo.InvariantCulture),
            ["loss"] = o.Method == TrainingMethods.Srgan ? SrganLoss(o) : $"MSE on {network.LossSpace}",
        };
        if (network.Options.Fold != 1)
        {
            extra["fold"] = network.Options.Fold.ToString(CultureInfo.InvariantCulture);
        }

        if (o.Degradations is { } degradations)
        {
            extra["degradations"] = degradations.Summary();
        }

        if (weights == WeightStorage.Float16)
        {
            extra["weights"] = "float16, cast to float32 at load";
        }

        if (interpolation is not null)
        {
            extra["interpolation"] = interpolation;
        }

        return new ModelCard
        {
            Architecture = o.Method,
            Scale = network.Scale,
            ParameterCount = network.ParameterCount,
            TrainingData = o.Degradations is null
                ? $"{data} ({o.CropSize}px HR crops, MATLAB-bicubic LR, batch {o.BatchSize})"
                : $"{data} ({o.CropSize}px HR crops, camera-degraded LR (see degradations), batch {o.BatchSize})",
            TrainingSteps = state.Step,
            Notes = notes,
            Extra = extra,
        };
    }

    private static string SrganLoss(TrainOptions o)
    {
        var c = CultureInfo.InvariantCulture;
        string content = o.PerceptualModel is null
            ? "MSE on pixels"
            : $"MSE of {Path.GetFileName(o.PerceptualModel)} '{o.PerceptualOutput}' features" +
              (o.PixelWeight > 0 ? string.Create(c, $" + {o.PixelWeight:G3} × MSE on pixels") : "");
        return string.Create(c, $"{content} + {o.AdversarialWeight:G3} × adversarial");
    }

    /// <summary>
    /// Y-PSNR/SSIM on Set5 and Set14 through ONNX Runtime, as <c>eval</c> computes them: those in <c>DATA/sets</c>
    /// when <paramref name="data"/> is given, else the shared or shipped copies (<see cref="BenchmarkSet.Locate"/>).
    /// </summary>
    internal static Dictionary<string, double> Score(byte[] model, int scale, string? data)
    {
        var metrics = new Dictionary<string, double>();
        using var session = new SrSession(model, "export", new SrSessionOptions { ExecutionProvider = ExecutionProvider.Cpu });
        using var upscaler = new OnnxUpscaler(session, "export");
        var evaluator = new BenchmarkEvaluator(upscaler, saveFolder: null);
        foreach (string name in new[] { "Set5", "Set14" })
        {
            if (BenchmarkSet.Locate(name, data) is not { } folder || !Directory.Exists(folder))
            {
                continue;
            }

            SetResult r = evaluator.Evaluate(BenchmarkSet.FromFolder(folder, name));
            metrics[$"{name}_x{scale}_psnr"] = Math.Round(r.Psnr, 4);
            metrics[$"{name}_x{scale}_ssim"] = Math.Round(r.Ssim, 5);
        }

        return metrics;
    }
}
