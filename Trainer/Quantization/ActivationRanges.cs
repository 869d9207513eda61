using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using RealtimeSR.Shared.Imaging;
using RealtimeSR.Shared.Onnx;
using RealtimeSR.Shared.Onnx.Proto;

namespace RealtimeSR.Trainer.Quantization;

/// <summary>
/// Calibration for <see cref="QdqQuantizer"/>: runs the float model on LR pictures with the tensors to quantise added
/// as graph outputs, and keeps each one's smallest and largest value.
/// </summary>
internal static class ActivationRanges
{
    public static Dictionary<string, (float Min, float Max)> Measure(ModelProto model, IReadOnlyList<string> tensors, IEnumerable<Image> lrPictures)
    {
        ModelProto probe = model.Clone();
        var outputs = probe.Graph.Output.Select(o => o.Name).ToHashSet();
        foreach (string name in tensors.Where(t => !outputs.Contains(t)))
        {
            probe.Graph.Output.Add(new ValueInfoProto
            {
                Name = name,
                Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float } },
            });
        }

        using var options = new SessionOptions { IntraOpNumThreads = Environment.ProcessorCount };
        using var session = new InferenceSession(OnnxModelFile.ToBytes(probe), options);
        var ranges = tensors.ToDictionary(t => t, _ => (Min: float.PositiveInfinity, Max: float.NegativeInfinity));
        foreach (Image picture in lrPictures)
        {
            Image lr = picture.ToRange(PixelRange.Unit);
            var input = new DenseTensor<float>(lr.Planes, [1, Image.Channels, lr.Height, lr.Width]);
            using var results = session.Run([NamedOnnxValue.CreateFromTensor(ModelContract.InputName, input)], tensors);
            foreach (var result in results)
            {
                var (min, max) = ranges[result.Name];
                foreach (float v in result.AsEnumerable<float>())
                {
                    min = Math.Min(min, v);
                    max = Math.Max(max, v);
                }

                ranges[result.Name] = (min, max);
            }
        }

        if (ranges.Values.Any(r => !float.IsFinite(r.Min)))
        {
            throw new InvalidOperationException("no calibration picture reached the model");
        }

        return ranges;
    }
}
