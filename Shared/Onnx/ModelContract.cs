using RealtimeSR.Shared.Onnx.Proto;

namespace RealtimeSR.Shared.Onnx;

/// <summary>
/// The RealtimeSR model contract (DESIGN.md): one input <c>lr</c> and one output <c>sr</c>, both float32 NCHW RGB
/// in [0,1] (the consumer clamps the output), N/H/W dynamic, C fixed at 3, default-domain opset 17 or newer,
/// output H and W one integer scale times the input's. The card lives in <c>metadata_props</c>.
/// </summary>
/// <remarks>
/// What the graph declares is checked here, before ONNX Runtime sees the model. The scale can only be checked
/// by running it, which <c>SrSession</c> does on the first frame of every size.
/// </remarks>
public static class ModelContract
{
    /// <summary>Name of the one graph input.</summary>
    public const string InputName = "lr";

    /// <summary>Name of the one graph output.</summary>
    public const string OutputName = "sr";

    /// <summary>Channels of input and output (RGB).</summary>
    public const int Channels = 3;

    /// <summary>Oldest default-domain opset accepted.</summary>
    public const long MinimumOpset = 17;

    /// <summary>
    /// Checks <paramref name="model"/> against the contract; <paramref name="source"/> (usually the file path)
    /// starts every error message.
    /// </summary>
    /// <exception cref="ModelContractException">The first difference found, with the value found.</exception>
    public static ModelFacts Validate(ModelProto model, string source)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(source);
        if (model.Graph is null)
        {
            throw new ModelContractException(source, "model has no graph");
        }

        var opset = DefaultOpset(model, source);
        var graph = model.Graph;

        // Models from IR < 4 also list initializers as graph inputs; those are weights, not inputs to feed.
        var initializers = graph.Initializer.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var inputs = graph.Input.Where(i => !initializers.Contains(i.Name)).ToList();
        CheckTensor(inputs, "input", InputName, isInput: true, source);
        CheckTensor(graph.Output.ToList(), "output", OutputName, isInput: false, source);

        var card = ModelCard.FromMetadata(model.MetadataProps.Select(p => KeyValuePair.Create(p.Key, p.Value)), source);
        return new ModelFacts(card?.Scale, card, opset, model.IrVersion);
    }

    /// <summary>Upper-case ONNX name of an element type ("FLOAT", "INT64"), or "type &lt;n&gt;" for an unknown one.</summary>
    public static string ElementTypeName(int elementType) =>
        Enum.IsDefined(typeof(TensorProto.Types.DataType), elementType)
            ? ((TensorProto.Types.DataType)elementType).ToString().ToUpperInvariant()
            : $"type {elementType}";

    private static long DefaultOpset(ModelProto model, string source)
    {
        // "" and "ai.onnx" both name the default domain.
        var imports = model.OpsetImport.Where(o => o.Domain is "" or "ai.onnx").ToList();
        if (imports.Count == 0)
        {
            throw new ModelContractException(source, $"imports no opset of the default ONNX domain, expected {MinimumOpset} or newer");
        }

        var version = imports.Max(o => o.Version);
        if (version < MinimumOpset)
        {
            throw new ModelContractException(source, $"opset {version}, expected {MinimumOpset} or newer");
        }

        return version;
    }

    private static void CheckTensor(List<ValueInfoProto> values, string role, string expectedName, bool isInput, string source)
    {
        if (values.Count != 1)
        {
            var names = string.Join(", ", values.Select(v => $"'{v.Name}'"));
            var found = values.Count == 0 ? "found none" : $"found {values.Count} ({names})";
            throw new ModelContractException(source, $"1 {role} expected, {found}");
        }

        var value = values[0];
        if (value.Name != expectedName)
        {
            throw new ModelContractException(source, $"{role} is named '{value.Name}', expected '{expectedName}'");
        }

        if (value.Type?.TensorType is not { } tensor)
        {
            throw new ModelContractException(source, $"{role} '{value.Name}' is not a tensor, expected a float32 NCHW tensor");
        }

        if (tensor.ElemType != (int)TensorProto.Types.DataType.Float)
        {
            throw new ModelContractException(source, $"{role} element type {ElementTypeName(tensor.ElemType)}, expected float32");
        }

        if (tensor.Shape is null)
        {
            if (isInput)
            {
                throw new ModelContractException(source, $"{role} has no shape, expected rank 4 (NCHW)");
            }

            return;
        }

        var dims = tensor.Shape.Dim;
        if (dims.Count != 4)
        {
            throw new ModelContractException(source, $"{role} has rank {dims.Count}, expected 4 (NCHW)");
        }

        // A fixed batch of 1 works (frames go one at a time); a fixed larger batch cannot take one frame.
        if (IsFixed(dims[0]) && dims[0].DimValue != 1)
        {
            throw new ModelContractException(source, $"{role} batch dimension is fixed at {dims[0].DimValue}, expected dynamic");
        }

        if (IsFixed(dims[1]) && dims[1].DimValue != Channels)
        {
            throw new ModelContractException(source, $"{role} has {dims[1].DimValue} channels, expected {Channels} (RGB)");
        }

        // A fixed output size is fine to declare only if the input is fixed too, which the input check forbids.
        if (isInput)
        {
            if (IsFixed(dims[2]))
            {
                throw new ModelContractException(source, $"{role} height is fixed at {dims[2].DimValue}, expected dynamic");
            }

            if (IsFixed(dims[3]))
            {
                throw new ModelContractException(source, $"{role} width is fixed at {dims[3].DimValue}, expected dynamic");
            }
        }
    }

    private static bool IsFixed(TensorShapeProto.Types.Dimension dim) =>
        dim.ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue;
}
