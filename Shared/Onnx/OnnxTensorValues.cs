using RealtimeSR.Shared.Onnx.Proto;

namespace RealtimeSR.Shared.Onnx;

/// <summary>Reads the values stored in an ONNX initializer.</summary>
public static class OnnxTensorValues
{
    /// <summary>
    /// The float values of <paramref name="tensor"/>, whether the writer used <c>float_data</c> or little-endian
    /// <c>raw_data</c> (exporters differ).
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The tensor does not hold floats, or holds fewer or more than its shape says (as one whose values are in an
    /// external file, which is not read, does).
    /// </exception>
    public static float[] Floats(TensorProto tensor)
    {
        if (tensor.DataType != (int)TensorProto.Types.DataType.Float)
        {
            throw new InvalidOperationException($"initializer '{tensor.Name}' is not float");
        }

        float[] values;
        if (tensor.FloatData.Count > 0)
        {
            values = [.. tensor.FloatData];
        }
        else
        {
            values = new float[tensor.RawData.Length / sizeof(float)];
            Buffer.BlockCopy(tensor.RawData.ToByteArray(), 0, values, 0, values.Length * sizeof(float));
        }

        long expected = tensor.Dims.Aggregate(1L, (count, dim) => count * dim);
        if (values.Length != expected)
        {
            throw new InvalidOperationException($"initializer '{tensor.Name}' holds {values.Length} values for a shape of {expected} (external data is not read)");
        }

        return values;
    }
}
