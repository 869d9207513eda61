namespace RealtimeSR.Tests.Onnx;

/// <summary>One way a test model can break the model contract (see <see cref="TestModels.SuperResolution"/>).</summary>
public enum ContractDefect
{
    None,

    /// <summary>Input named "input" instead of "lr".</summary>
    InputNamedInput,

    /// <summary>Input declared CHW (rank 3).</summary>
    InputRank3,

    /// <summary>Input element type INT64.</summary>
    InputInt64,

    /// <summary>A second graph input "strength".</summary>
    TwoInputs,

    /// <summary>Default-domain opset 11.</summary>
    Opset11,

    /// <summary>Input channel dimension fixed at 4.</summary>
    InputFourChannels,

    /// <summary>Output named "output" instead of "sr".</summary>
    OutputNamedOutput,
}
