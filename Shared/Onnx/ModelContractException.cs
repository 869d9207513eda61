using RealtimeSR.Shared.Commands;
namespace RealtimeSR.Shared.Onnx;

/// <summary>
/// An ONNX model that loads but breaks the RealtimeSR model contract (input <c>lr</c> / output <c>sr</c>, float32
/// NCHW RGB, opset 17 or newer, one integer scale). The message is "&lt;source&gt;: &lt;what differs, with the
/// value found&gt;".
/// </summary>
public sealed class ModelContractException : ReportableException
{
    public override int ExitCode => ExitCodes.BadModel;

    public ModelContractException(string source, string problem, Exception? inner = null)
        : base($"{source}: {problem}", inner)
    {
        ModelSource = source;
        Problem = problem;
    }

    /// <summary>The model file (or in-memory source name) that breaks the contract.</summary>
    public string ModelSource { get; }

    /// <summary>What differs from the contract, without the source prefix.</summary>
    public string Problem { get; }
}
