using Microsoft.ML.OnnxRuntime;
using RealtimeSR.Shared.Onnx;

namespace RealtimeSR.Shared.Inference;

/// <summary>
/// The tensors for running one input size: pinned CHW input and output buffers, the <see cref="OrtValue"/>s
/// over them and an IO binding that ties them to the session, all made once and reused for every run of that
/// size, so a steady-state run allocates nothing.
/// </summary>
internal sealed class ShapedRun : IDisposable
{
    private readonly float[] _input;
    private readonly float[] _output;
    private readonly OrtValue _inputValue;
    private readonly OrtValue _outputValue;
    private readonly OrtIoBinding _binding;

    /// <summary>Allocates for a 1×3×<paramref name="height"/>×<paramref name="width"/> input and its ×<paramref name="scale"/> output.</summary>
    public ShapedRun(InferenceSession session, int height, int width, int scale)
    {
        Height = height;
        Width = width;
        // Pinned-heap arrays: ONNX Runtime reads and writes them through raw pointers for the session's lifetime.
        _input = GC.AllocateArray<float>(ModelContract.Channels * height * width, pinned: true);
        _output = GC.AllocateArray<float>(checked(ModelContract.Channels * scale * height * scale * width), pinned: true);
        OrtValue? inputValue = null, outputValue = null;
        OrtIoBinding? binding = null;
        try
        {
            inputValue = OrtValue.CreateTensorValueFromMemory(_input, [1, ModelContract.Channels, height, width]);
            outputValue = OrtValue.CreateTensorValueFromMemory(_output, [1, ModelContract.Channels, scale * height, scale * width]);
            binding = session.CreateIoBinding();
            binding.BindInput(ModelContract.InputName, inputValue);
            binding.BindOutput(ModelContract.OutputName, outputValue);
        }
        catch
        {
            binding?.Dispose();
            inputValue?.Dispose();
            outputValue?.Dispose();
            throw;
        }

        _inputValue = inputValue;
        _outputValue = outputValue;
        _binding = binding;
    }

    /// <summary>Input height in LR pixels.</summary>
    public int Height { get; }

    /// <summary>Input width in LR pixels.</summary>
    public int Width { get; }

    /// <summary>The input tensor's data, CHW float in [0,1] (batch of one).</summary>
    public Span<float> Input => _input;

    /// <summary>The output tensor's data, CHW float, not clamped (batch of one).</summary>
    public Span<float> Output => _output;

    /// <summary>The input as an ONNX Runtime value, for runs that let ONNX Runtime allocate the output.</summary>
    public OrtValue InputValue => _inputValue;

    /// <summary>
    /// Whether a run at this size has shown the model's output shape to be 1×3×(scale·H)×(scale·W). Until then the
    /// output cannot be bound to a buffer of that shape.
    /// </summary>
    public bool ShapeChecked { get; set; }

    /// <summary>Runs the model from <see cref="Input"/> into <see cref="Output"/>.</summary>
    public void Run(InferenceSession session, RunOptions runOptions) => session.RunWithBinding(runOptions, _binding);

    public void Dispose()
    {
        _binding.Dispose();
        _inputValue.Dispose();
        _outputValue.Dispose();
    }
}
