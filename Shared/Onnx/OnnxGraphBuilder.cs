using System.Buffers.Binary;
using Google.Protobuf;
using RealtimeSR.Shared.Onnx.Proto;

namespace RealtimeSR.Shared.Onnx;

/// <summary>
/// Builds an ONNX model (one graph) by code: initializers, nodes, graph inputs/outputs, opsets and metadata.
/// Used by the trainer's exporter (TorchSharp has no ONNX export) and by tests that need a model.
/// </summary>
/// <remarks>
/// Names are checked as they are added, because a duplicate or dangling name otherwise surfaces only as an
/// ONNX Runtime load error far from the exporter line that caused it: every value (graph input, initializer,
/// node output) is defined once, every node input must already be defined (so nodes come in topological
/// order, as ONNX requires), node names are unique, and every graph output must be defined by
/// <see cref="Build"/>. These are programming errors and throw <see cref="ArgumentException"/>.
/// </remarks>
public sealed class OnnxGraphBuilder
{
    /// <summary>The IR version that goes with opset 17 (the model contract).</summary>
    public const long DefaultIrVersion = 8;

    /// <summary>The default-domain opset of the model contract.</summary>
    public const long DefaultOpset = 17;

    private readonly GraphProto _graph;
    private readonly HashSet<string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _nodeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _opsets = new(StringComparer.Ordinal) { [""] = DefaultOpset };
    private readonly List<StringStringEntryProto> _metadata = [];
    private readonly HashSet<string> _metadataKeys = new(StringComparer.Ordinal);

    /// <summary>Starts an empty graph called <paramref name="graphName"/>.</summary>
    public OnnxGraphBuilder(string graphName = "main")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(graphName);
        _graph = new GraphProto { Name = graphName };
    }

    /// <summary>The model's IR version; 8 by default (the contract's).</summary>
    public long IrVersion { get; set; } = DefaultIrVersion;

    /// <summary>Recorded as <c>producer_name</c>.</summary>
    public string ProducerName { get; set; } = "RealtimeSR";

    /// <summary>Recorded as <c>producer_version</c>; empty by default.</summary>
    public string ProducerVersion { get; set; } = "";

    /// <summary>Recorded as the model's <c>doc_string</c>; empty by default.</summary>
    public string DocString { get; set; } = "";

    /// <summary>
    /// Sets the opset version imported for <paramref name="domain"/> ("" is the default ONNX domain, 17 unless
    /// changed).
    /// </summary>
    public OnnxGraphBuilder SetOpset(long version, string domain = "")
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        _opsets[domain] = version;
        return this;
    }

    /// <summary>
    /// Adds a float32 initializer (a weight) stored as little-endian <c>raw_data</c>; <paramref name="values"/>
    /// is in row-major order and its length must be the product of <paramref name="dims"/>.
    /// </summary>
    /// <returns><paramref name="name"/>, to pass straight to <see cref="AddNode"/>.</returns>
    public string AddFloatInitializer(string name, ReadOnlySpan<long> dims, ReadOnlySpan<float> values)
    {
        CheckElementCount(name, dims, values.Length);
        var bytes = new byte[values.Length * sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            // ONNX raw_data is little-endian whatever the host is.
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
        }

        AddInitializer(name, dims, TensorProto.Types.DataType.Float, bytes);
        return name;
    }

    /// <summary>
    /// Adds <paramref name="values"/> rounded to float16 (IEEE half, little-endian <c>raw_data</c>): half the bytes
    /// of <see cref="AddFloatInitializer"/>, for weights that a <c>Cast</c> turns back into float32.
    /// </summary>
    /// <returns><paramref name="name"/>, to pass straight to <see cref="AddNode"/>.</returns>
    public string AddHalfInitializer(string name, ReadOnlySpan<long> dims, ReadOnlySpan<float> values)
    {
        CheckElementCount(name, dims, values.Length);
        var bytes = new byte[values.Length * 2];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteHalfLittleEndian(bytes.AsSpan(i * 2), (Half)values[i]);
        }

        AddInitializer(name, dims, TensorProto.Types.DataType.Float16, bytes);
        return name;
    }

    /// <summary>
    /// Adds an int64 initializer (shapes, axes, pads for ops that take them as inputs) stored as little-endian
    /// <c>raw_data</c>; the length of <paramref name="values"/> must be the product of <paramref name="dims"/>.
    /// </summary>
    /// <returns><paramref name="name"/>, to pass straight to <see cref="AddNode"/>.</returns>
    public string AddInt64Initializer(string name, ReadOnlySpan<long> dims, ReadOnlySpan<long> values)
    {
        CheckElementCount(name, dims, values.Length);
        var bytes = new byte[values.Length * sizeof(long)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * sizeof(long)), values[i]);
        }

        AddInitializer(name, dims, TensorProto.Types.DataType.Int64, bytes);
        return name;
    }

    /// <summary>
    /// Declares a graph input of element type <paramref name="elementType"/> and shape <paramref name="dims"/>
    /// (fixed sizes or symbolic names).
    /// </summary>
    public OnnxGraphBuilder AddInput(string name, TensorProto.Types.DataType elementType, params ReadOnlySpan<OnnxDim> dims)
    {
        DefineValue(name);
        _graph.Input.Add(ValueInfo(name, elementType, dims));
        return this;
    }

    /// <summary>
    /// Declares a graph output; the value must be defined (by a node, an input or an initializer) before
    /// <see cref="Build"/>.
    /// </summary>
    public OnnxGraphBuilder AddOutput(string name, TensorProto.Types.DataType elementType, params ReadOnlySpan<OnnxDim> dims)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (_graph.Output.Any(o => o.Name == name))
        {
            throw new ArgumentException($"graph output '{name}' is declared twice", nameof(name));
        }

        _graph.Output.Add(ValueInfo(name, elementType, dims));
        return this;
    }

    /// <summary>Adds a node of the default ONNX domain.</summary>
    /// <param name="opType">Operator, e.g. "Conv", "DepthToSpace".</param>
    /// <param name="inputs">Values read, in operator order: already defined names, or "" for an omitted optional input.</param>
    /// <param name="outputs">Values defined, each for the first time.</param>
    /// <param name="name">Node name; null picks a unique "&lt;opType&gt;_&lt;n&gt;".</param>
    /// <param name="attributes">Attributes made with <see cref="OnnxAttribute"/>, each name once.</param>
    /// <returns>The first output name, so single-output nodes chain.</returns>
    public string AddNode(
        string opType,
        IReadOnlyList<string> inputs,
        IReadOnlyList<string> outputs,
        string? name = null,
        params ReadOnlySpan<AttributeProto> attributes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(opType);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        if (outputs.Count == 0)
        {
            throw new ArgumentException($"{opType} node has no outputs", nameof(outputs));
        }

        name ??= UniqueNodeName(opType);
        if (!_nodeNames.Add(name))
        {
            throw new ArgumentException($"node name '{name}' is used twice", nameof(name));
        }

        foreach (var input in inputs)
        {
            if (input.Length != 0 && !_values.Contains(input))
            {
                throw new ArgumentException($"node '{name}' reads '{input}', which is not defined yet", nameof(inputs));
            }
        }

        var node = new NodeProto { OpType = opType, Name = name };
        node.Input.AddRange(inputs);
        foreach (var output in outputs)
        {
            DefineValue(output);
            node.Output.Add(output);
        }

        var attributeNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var attribute in attributes)
        {
            if (!attributeNames.Add(attribute.Name))
            {
                throw new ArgumentException($"node '{name}' has attribute '{attribute.Name}' twice", nameof(attributes));
            }

            node.Attribute.Add(attribute.Clone());
        }

        _graph.Node.Add(node);
        return outputs[0];
    }

    /// <summary>Adds one <c>metadata_props</c> entry; keys are unique.</summary>
    public OnnxGraphBuilder AddMetadata(string key, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        if (!_metadataKeys.Add(key))
        {
            throw new ArgumentException($"metadata key '{key}' is set twice", nameof(key));
        }

        _metadata.Add(new StringStringEntryProto { Key = key, Value = value });
        return this;
    }

    /// <summary>Adds several <c>metadata_props</c> entries, e.g. <see cref="ModelCard.ToMetadata"/>.</summary>
    public OnnxGraphBuilder AddMetadata(IEnumerable<KeyValuePair<string, string>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var (key, value) in entries)
        {
            AddMetadata(key, value);
        }

        return this;
    }

    /// <summary>Returns the model built so far (a copy: the builder can go on).</summary>
    public ModelProto Build()
    {
        foreach (var output in _graph.Output)
        {
            if (!_values.Contains(output.Name))
            {
                throw new InvalidOperationException($"graph output '{output.Name}' is not produced by any node, input or initializer");
            }
        }

        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = ProducerName,
            ProducerVersion = ProducerVersion,
            DocString = DocString,
            Graph = _graph.Clone(),
        };
        foreach (var (domain, version) in _opsets.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = domain, Version = version });
        }

        foreach (var entry in _metadata)
        {
            model.MetadataProps.Add(entry.Clone());
        }

        return model;
    }

    /// <summary>Builds and serialises the model (ONNX protobuf bytes).</summary>
    public byte[] ToBytes() => OnnxModelFile.ToBytes(Build());

    /// <summary>Builds the model and writes it to <paramref name="path"/> (atomically, see <see cref="OnnxModelFile.Write"/>).</summary>
    public void WriteTo(string path) => OnnxModelFile.Write(Build(), path);

    private void AddInitializer(string name, ReadOnlySpan<long> dims, TensorProto.Types.DataType type, byte[] raw)
    {
        DefineValue(name);
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(raw) };
        foreach (var dim in dims)
        {
            tensor.Dims.Add(dim);
        }

        _graph.Initializer.Add(tensor);
    }

    private void DefineValue(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!_values.Add(name))
        {
            throw new ArgumentException($"value '{name}' is defined twice", nameof(name));
        }
    }

    private string UniqueNodeName(string opType)
    {
        for (var i = _graph.Node.Count; ; i++)
        {
            var candidate = $"{opType}_{i}";
            if (!_nodeNames.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    private static void CheckElementCount(string name, ReadOnlySpan<long> dims, int count)
    {
        long expected = 1;
        foreach (var dim in dims)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(dim, nameof(dims));
            expected *= dim;
        }

        if (expected != count)
        {
            throw new ArgumentException($"initializer '{name}' has {count} values for shape [{string.Join(", ", dims.ToArray())}] ({expected} expected)", nameof(dims));
        }
    }

    private static ValueInfoProto ValueInfo(string name, TensorProto.Types.DataType elementType, ReadOnlySpan<OnnxDim> dims)
    {
        var shape = new TensorShapeProto();
        foreach (var dim in dims)
        {
            shape.Dim.Add(dim.Symbol is { } symbol
                ? new TensorShapeProto.Types.Dimension { DimParam = symbol }
                : new TensorShapeProto.Types.Dimension { DimValue = dim.Value!.Value });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)elementType, Shape = shape } },
        };
    }
}
