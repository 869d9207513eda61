using Google.Protobuf;
using RealtimeSR.Shared.Onnx.Proto;

namespace RealtimeSR.Shared.Onnx;

/// <summary>
/// Node attributes for <see cref="OnnxGraphBuilder.AddNode"/>, one factory per ONNX attribute type, so a
/// call site reads <c>OnnxAttribute.Ints("pads", 1, 1, 1, 1)</c>.
/// </summary>
public static class OnnxAttribute
{
    /// <summary>An INT attribute (ONNX stores every integer attribute as int64).</summary>
    public static AttributeProto Int(string name, long value) =>
        new() { Name = CheckName(name), Type = AttributeProto.Types.AttributeType.Int, I = value };

    /// <summary>An INTS attribute, e.g. kernel_shape, pads, strides.</summary>
    public static AttributeProto Ints(string name, params ReadOnlySpan<long> values)
    {
        var attribute = new AttributeProto { Name = CheckName(name), Type = AttributeProto.Types.AttributeType.Ints };
        foreach (var value in values)
        {
            attribute.Ints.Add(value);
        }

        return attribute;
    }

    /// <summary>A FLOAT attribute, e.g. LeakyRelu alpha.</summary>
    public static AttributeProto Float(string name, float value) =>
        new() { Name = CheckName(name), Type = AttributeProto.Types.AttributeType.Float, F = value };

    /// <summary>A FLOATS attribute.</summary>
    public static AttributeProto Floats(string name, params ReadOnlySpan<float> values)
    {
        var attribute = new AttributeProto { Name = CheckName(name), Type = AttributeProto.Types.AttributeType.Floats };
        foreach (var value in values)
        {
            attribute.Floats.Add(value);
        }

        return attribute;
    }

    /// <summary>A STRING attribute (stored as UTF-8 bytes), e.g. DepthToSpace mode "CRD".</summary>
    public static AttributeProto String(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new() { Name = CheckName(name), Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };
    }

    private static string CheckName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return name;
    }
}
