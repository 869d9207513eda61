using RealtimeSR.Shared.Onnx.Proto;

namespace RealtimeSR.Shared.Onnx;

/// <summary>Reads the values stored in an ONNX initializer.</summary>
public static class OnnxTensorValues
{
    /// <summary>
    /// The float values of <paramref name="tensor"/>, whether the writer used <c>float_data</c> or little-endian
    /// <c>raw_data</c> (exporters differ).
    /// </summary>
    /// <exception cref="InvalidOperationException">The tensor does not hold floats.</exception>
    public static float[] Floats(TensorProto tensor)
    {
        if (tensor.DataType != (int)TensorProto.Types.DataType.Float)
        {
            throw new InvalidOperationException($"initializer '{tensor.Name}' is not float");
        }

        if (tensor.FloatData.Count > 0)
        {
            return [.. tensor.FloatData];
        }

        var values = new float[tensor.RawData.Length / sizeof(float)];
        Buffer.BlockCopy(tensor.RawData.ToByteArray(), 0, values, 0, values.Length * sizeof(float));
        return values;
    }
}
