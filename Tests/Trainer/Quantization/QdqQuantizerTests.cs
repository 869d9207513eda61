using Microsoft.ML.OnnxRuntime;
using RealtimeSR.Shared.Commands;
using RealtimeSR.Shared.Diagnostics;
using RealtimeSR.Shared.Imaging;
using RealtimeSR.Shared.Inference;
using RealtimeSR.Shared.Metrics;
using RealtimeSR.Shared.Onnx;
using RealtimeSR.Shared.Onnx.Proto;
using RealtimeSR.Tests.Imaging;
using RealtimeSR.Tests.Trainer.Commands;
using RealtimeSR.Trainer.Export;
using RealtimeSR.Trainer.Models;
using RealtimeSR.Trainer.Quantization;
using static TorchSharp.torch;

namespace RealtimeSR.Tests.Trainer.Quantization;

[Collection(TorchRandomCollection.Name)]
public class QdqQuantizerTests
{
    [Fact]
    public void Quantize_RealtimeNet_StaysCloseToTheFloatModel()
    {
        ModelProto model = TinyRealtimeModel();

        ModelProto quantised = Quantised(model);

        Image lr = TestImages.Pattern(40, 32, seed: 9);
        Image expected = Upscale(model, lr);
        Image actual = Upscale(quantised, lr);
        double psnr = Psnr.OnLuma(expected.ToRange(PixelRange.Byte), actual.ToRange(PixelRange.Byte), shave: 0);
        Assert.True(psnr >= 40, $"int8 output is {psnr:F1} dB from the float output");
        Assert.DoesNotContain(quantised.Graph.Node, n => n.OpType == "Relu");
        Assert.Equal(QdqQuantizer.Convolutions(model.Graph).Count, quantised.Graph.Initializer.Count(t => t.DataType == (int)TensorProto.Types.DataType.Int8 && t.Dims.Count == 4));
    }

    [Fact]
    public void Quantize_RealtimeNet_RunsAsInt8ConvolutionsInOnnxRuntime()
    {
        using var temp = new TempFolder();
        string optimised = temp.File("optimised.onnx");
        ModelProto quantised = Quantised(TinyRealtimeModel());

        // The point of the rewrite: ONNX Runtime must fuse every DQ → Conv → Q into an int8 QLinearConv. If the
        // pattern drifts (a ReLU left between, a float bias), it silently runs float convolutions instead.
        using (var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_EXTENDED, OptimizedModelFilePath = optimised })
        using (new InferenceSession(OnnxModelFile.ToBytes(quantised), options))
        {
        }

        var ops = OnnxModelFile.Read(optimised).Graph.Node.Select(n => n.OpType).ToList();
        Assert.Equal(4, ops.Count(op => op == "QLinearConv")); // luma, two 3×3 layers, sub-pixel
        Assert.Equal(1, ops.Count(op => op == "Conv")); // the fixed bicubic phases (grouped), kept float on purpose
    }

    [Fact]
    public void PerInputPixel_QuantisedModel_CountsTheSameConvolutions()
    {
        ModelProto model = TinyRealtimeModel();

        double quantised = ModelFlops.PerInputPixel(Quantised(model));

        // The same multiply-adds; only the float ReLUs (now folded into quantisation) are no longer counted.
        double relus = 2 * 8; // two 8-channel ReLU layers, one op per value
        Assert.Equal(ModelFlops.PerInputPixel(model) - relus, quantised, precision: 6);
    }

    [Fact]
    public void QuantizeCommand_TinyModel_WritesAnInt8ModelWithItsCard()
    {
        using var temp = new TempFolder();
        string model = temp.File("tiny-x2.onnx");
        File.WriteAllBytes(model, OnnxModelFile.ToBytes(TinyRealtimeModel()));
        string pictures = temp.Folder("calibration");
        for (int i = 0; i < 3; i++)
        {
            ImageFile.Save(TestImages.Pattern(64, 48, seed: i + 1), Path.Combine(pictures, $"p{i}.png"));
        }

        string output = temp.File("tiny-x2-int8.onnx");
        var result = TrainerProcess.Run("quantize", model, "-o", output, "--calibration", pictures, "--no-eval");
        var missing = TrainerProcess.Run("quantize", temp.File("none.onnx"), "-o", temp.File("none-int8.onnx"), "--calibration", pictures, "--no-eval");
        string halfModel = temp.File("half-x2.onnx");
        File.WriteAllBytes(halfModel, OnnxModelFile.ToBytes(TinyRealtimeModel(WeightStorage.Float16)));
        var half = TrainerProcess.Run("quantize", halfModel, "-o", temp.File("half-int8.onnx"), "--calibration", pictures, "--no-eval");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("int8 QDQ (4 convolutions; activations calibrated on 3 pictures of calibration)", result.Output);
        ModelFacts facts = ModelContract.Validate(OnnxModelFile.Read(output), output);
        Assert.Equal(2, facts.Scale);
        Assert.Contains("int8 QDQ", facts.Card!.Notes);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Single(missing.FailureLines);
        Assert.False(File.Exists(temp.File("none-int8.onnx")));
        Assert.Equal(ExitCodes.BadModel, half.ExitCode);
        Assert.Equal($"error: {halfModel}: holds float16 weights (export --fp16-weights); quantise a float32 export", Assert.Single(half.FailureLines));
        Assert.False(File.Exists(temp.File("half-int8.onnx")));
    }

    /// <summary>A realtime ×2 net with 8 channels and 3 layers: luma conv, two 3×3 layers, the sub-pixel conv.</summary>
    private static ModelProto TinyRealtimeModel(WeightStorage weights = WeightStorage.Float32)
    {
        manual_seed(21);
        using SrNetwork network = ArchitectureRegistry.Create(new NetworkOptions(RealtimeCore.ArchitectureName, 2, Channels: 8, Blocks: 2));
        byte[] bytes = OnnxExporter.Build(network, new ModelCard { Architecture = "realtime", Scale = 2 }, weights).ToBytes();
        return OnnxModelFile.Parse(bytes, "tiny.onnx");
    }

    private static ModelProto Quantised(ModelProto model)
    {
        Image[] calibration = [.. Enumerable.Range(1, 4).Select(seed => TestImages.Pattern(48, 40, seed))];
        var ranges = ActivationRanges.Measure(model, QdqQuantizer.TensorsToCalibrate(model.Graph), calibration);
        return QdqQuantizer.Quantize(model, ranges);
    }

    private static Image Upscale(ModelProto model, Image lr)
    {
        using var session = new SrSession(OnnxModelFile.ToBytes(model), "model", new SrSessionOptions { ExecutionProvider = ExecutionProvider.Cpu });
        using var upscaler = new OnnxUpscaler(session, "model");
        return upscaler.Upscale(lr);
    }
}
