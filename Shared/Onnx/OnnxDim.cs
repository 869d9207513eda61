namespace RealtimeSR.Shared.Onnx;

/// <summary>
/// One dimension of a graph input or output: a fixed size (<c>3</c>) or a symbolic name (<c>"H"</c>) that
/// ONNX Runtime binds at run time. Converts implicitly from <see cref="long"/> and <see cref="string"/>, so
/// shapes read as <c>("N", 3, "H", "W")</c>.
/// </summary>
public readonly record struct OnnxDim
{
    private OnnxDim(long? value, string? symbol)
    {
        Value = value;
        Symbol = symbol;
    }

    /// <summary>The fixed size, or null for a symbolic dimension.</summary>
    public long? Value { get; }

    /// <summary>The symbolic name, or null for a fixed dimension.</summary>
    public string? Symbol { get; }

    /// <summary>A fixed dimension; must not be negative.</summary>
    public static OnnxDim Fixed(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        return new OnnxDim(value, null);
    }

    /// <summary>A symbolic (dynamic) dimension; the name must not be empty.</summary>
    public static OnnxDim Named(string symbol)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        return new OnnxDim(null, symbol);
    }

    public static implicit operator OnnxDim(long value) => Fixed(value);

    public static implicit operator OnnxDim(string symbol) => Named(symbol);

    public override string ToString() => Symbol ?? Value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
