using System.CommandLine;
using System.Globalization;
using RealtimeSR.Shared.Commands;
using RealtimeSR.Shared.Data;
using RealtimeSR.Shared.Imaging;
using RealtimeSR.Shared.IO;
using RealtimeSR.Shared.Onnx;
using RealtimeSR.Shared.Onnx.Proto;
using RealtimeSR.Trainer.Quantization;

namespace RealtimeSR.Trainer.Commands;

/// <summary>
/// <c>quantize</c>: a float model to its int8 QDQ form (<see cref="QdqQuantizer"/>), calibrated on LR pictures made
/// from HR training pictures (not the benchmark sets it is then scored on), with the card's figures re-measured.
/// </summary>
internal static class QuantizeCommand
{
    private const int CalibrationSide = 192;

    private static readonly Argument<string> ModelArgument = new("model") { Description = "a float ONNX model that follows the contract" };
    private static readonly Option<string> OutputOption = new("--output", "-o") { Description = "the int8 ONNX file to write", Required = true };
    private static readonly Option<string?> CalibrationOption = new("--calibration") { Description = "folder of HR pictures to calibrate on (default: DATA/train)" };
    private static readonly Option<int> PicturesOption = new("--pictures") { Description = "how many calibration pictures (spread over the folder)", DefaultValueFactory = _ => 32 };
    private static readonly Option<bool> OverwriteOption = new("--overwrite") { Description = "replace an existing output file" };
    private static readonly Option<bool> NoEvalOption = new("--no-eval") { Description = "do not score the model on Set5/Set14 for its card" };

    public static Command Create()
    {
        var command = new Command("quantize", "Make an int8 (QDQ) copy of a model, calibrated on training pictures, with its card re-scored")
        {
            ModelArgument, OutputOption, CalibrationOption, PicturesOption, OverwriteOption, NoEvalOption,
        };
        command.SetAction(result => CommandExecution.Run(() => Execute(result)));
        return command;
    }

    private static int Execute(ParseResult result)
    {
        string path = Path.GetFullPath(result.GetValue(ModelArgument)!);
        string output = Path.GetFullPath(result.GetValue(OutputOption)!);
        if (File.Exists(output) && !result.GetValue(OverwriteOption))
        {
            throw new UsageException($"-o {output}: exists; add --overwrite to replace it");
        }

        int count = result.GetValue(PicturesOption);
        if (count < 1)
        {
            throw new UsageException($"--pictures {count}: at least 1");
        }

        ModelProto model = OnnxModelFile.Read(path);
        ModelFacts facts = ModelContract.Validate(model, path);
        int scale = facts.Scale ?? throw new ModelFileException(path, $"{path}: the model card has no scale; calibration needs it");
        if (model.Graph.Initializer.Any(t => t.DataType == (int)TensorProto.Types.DataType.Float16))
        {
            throw new ModelFileException(path, $"{path}: holds float16 weights (export --fp16-weights); quantise a float32 export");
        }

        string? data = DataRoot.Find();
        string folder = result.GetValue(CalibrationOption)
                        ?? (data is null ? throw new UsageException("no --calibration folder given and no shared data folder found") : Path.Combine(data, "train"));
        List<Image> pictures = CalibrationPictures(folder, count, scale);

        IReadOnlyList<string> tensors = QdqQuantizer.TensorsToCalibrate(model.Graph);
        if (tensors.Count == 0)
        {
            throw new ModelFileException(path, $"{path}: has no plain convolutions to quantise");
        }

        var ranges = ActivationRanges.Measure(model, tensors, pictures);
        ModelProto quantised = QdqQuantizer.Quantize(model, ranges);
        string how = $"int8 QDQ ({QdqQuantizer.Convolutions(model.Graph).Count} convolutions; activations calibrated on {pictures.Count} pictures of {Path.GetFileName(Path.TrimEndingDirectorySeparator(folder))})";
        ModelCard original = facts.Card ?? new ModelCard { Scale = scale };
        ModelCard card = original with
        {
            Notes = string.IsNullOrEmpty(original.Notes) ? how : $"{original.Notes}; {how}",
            Metrics = new Dictionary<string, double>(), // the float model's figures do not hold for the int8 one
        };
        if (!result.GetValue(NoEvalOption))
        {
            card = card with { Metrics = ExportCommand.Score(OnnxModelFile.ToBytes(WithCard(quantised, card)), scale, data: null) };
        }

        byte[] bytes = OnnxModelFile.ToBytes(WithCard(quantised, card));
        ModelContract.Validate(OnnxModelFile.Parse(bytes, output), output);
        AtomicFile.Write(output, temporary => File.WriteAllBytes(temporary, bytes));
        Console.WriteLine($"wrote {output} ({bytes.Length / 1e6:F2} MB): {how}");
        foreach (var (name, value) in card.Metrics)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name} = {value:0.####}"));
        }

        return ExitCodes.Success;
    }

    /// <summary><paramref name="count"/> pictures spread evenly over the folder, centre crops of at most 192 px, MATLAB-bicubic downscaled.</summary>
    private static List<Image> CalibrationPictures(string folder, int count, int scale)
    {
        if (!Directory.Exists(folder))
        {
            throw new UsageException($"--calibration {folder}: folder not found");
        }

        string[] files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(ImageFile.IsImagePath).Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
        {
            throw new UsageException($"--calibration {folder}: no pictures in it");
        }

        int taken = Math.Min(count, files.Length);
        var pictures = new List<Image>();
        for (int i = 0; i < taken; i++)
        {
            Image hr = ImageFile.Load(files[(int)((long)i * files.Length / taken)]);
            int width = Math.Min(hr.Width, CalibrationSide) / scale * scale;
            int height = Math.Min(hr.Height, CalibrationSide) / scale * scale;
            if (width >= 2 * scale && height >= 2 * scale)
            {
                pictures.Add(MatlabResize.Downscale(hr.Crop((hr.Width - width) / 2, (hr.Height - height) / 2, width, height), scale));
            }
        }

        return pictures;
    }

    private static ModelProto WithCard(ModelProto model, ModelCard card)
    {
        ModelProto copy = model.Clone();
        var kept = copy.MetadataProps.Where(p => !p.Key.StartsWith(ModelCard.KeyPrefix, StringComparison.Ordinal)).ToList();
        copy.MetadataProps.Clear();
        copy.MetadataProps.AddRange(kept);
        copy.MetadataProps.AddRange(card.ToMetadata().Select(p => new StringStringEntryProto { Key = p.Key, Value = p.Value }));
        return copy;
    }
}
