using System.Numerics;
using Microsoft.ML.OnnxRuntime;
using RealtimeSR.Shared.Onnx;

namespace RealtimeSR.Shared.Inference;

/// <summary>
/// Runs a RealtimeSR super-resolution model (see <see cref="ModelContract"/>) on single frames with ONNX Runtime:
/// planar CHW float RGB in [0,1] in, CHW float RGB in [0,1] out at <see cref="Scale"/> times the size.
/// </summary>
/// <remarks>
/// <para>The ONNX Runtime session is created once. The tensors for a frame (or tile) size are created on the first
/// frame of that size, over pinned buffers, and reused until the size changes, so a steady-state
/// <see cref="Run"/> allocates nothing. The first frame of each size is also where the output shape is checked
/// against the scale.</para>
/// <para>Not thread-safe: one instance per thread (the pipeline's inference stage owns one). Instances on
/// different threads are independent.</para>
/// </remarks>
public sealed class SrSession : IDisposable
{
    private const string SpinningConfigKey = "session.intra_op.allow_spinning";

    // Unequal sides, so a model that swaps axes or scales them differently cannot pass the scale probe.
    private const int ProbeHeight = 12;
    private const int ProbeWidth = 16;

    private static readonly string[] InputNames = [ModelContract.InputName];
    private static readonly string[] OutputNames = [ModelContract.OutputName];

    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions;
    private readonly string _scaleSource;
    private TileLayout? _layout;
    private ShapedRun? _run;
    private bool _disposed;

    /// <summary>
    /// Loads the model at <paramref name="modelPath"/>, checks it against the contract and creates the ONNX Runtime
    /// session.
    /// </summary>
    /// <param name="modelPath">An ONNX file.</param>
    /// <param name="options">How to run; defaults when null.</param>
    /// <param name="log">Receives the one line said when <see cref="ExecutionProvider.Auto"/> falls back to CPU.</param>
    /// <exception cref="ModelFileException">The file is missing, not ONNX, or rejected by ONNX Runtime.</exception>
    /// <exception cref="ModelContractException">The model breaks the contract.</exception>
    /// <exception cref="ExecutionProviderException"><see cref="ExecutionProvider.Cuda"/> was asked for and cannot run.</exception>
    public SrSession(string modelPath, SrSessionOptions? options = null, Action<string>? log = null)
        : this(OnnxModelFile.ReadBytes(modelPath), modelPath, options, log)
    {
    }

    /// <summary>Same as the file constructor for a model already in memory (e.g. straight from the exporter).</summary>
    /// <param name="model">ONNX protobuf bytes.</param>
    /// <param name="source">Names the model in messages, e.g. its path.</param>
    /// <param name="options">How to run; defaults when null.</param>
    /// <param name="log">Receives the one line said when <see cref="ExecutionProvider.Auto"/> falls back to CPU.</param>
    public SrSession(byte[] model, string source, SrSessionOptions? options = null, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(source);
        Options = options ?? new SrSessionOptions();
        Options.Validate();
        Source = source;

        var facts = ModelContract.Validate(OnnxModelFile.Parse(model, source), source);
        Card = facts.Card;
        Opset = facts.Opset;

        _session = CreateSession(model, source, Options, log, out var provider);
        ExecutionProvider = provider;
        try
        {
            _runOptions = new RunOptions();
            Scale = facts.Scale ?? MeasureScale();
            _scaleSource = facts.Scale is null ? "measured by a probe run" : "from the model card";
        }
        catch
        {
            _runOptions?.Dispose();
            _session.Dispose();
            throw;
        }
    }

    /// <summary>The model's path or source name, as used in messages.</summary>
    public string Source { get; }

    /// <summary>The options the session was created with.</summary>
    public SrSessionOptions Options { get; }

    /// <summary>Upscaling factor: output height and width are this many times the input's.</summary>
    public int Scale { get; }

    /// <summary>The model card, or null when the model carries none.</summary>
    public ModelCard? Card { get; }

    /// <summary>The model's default-domain opset version.</summary>
    public long Opset { get; }

    /// <summary>Where the model actually runs: <see cref="ExecutionProvider.Cuda"/> or <see cref="ExecutionProvider.Cpu"/>, never Auto.</summary>
    public ExecutionProvider ExecutionProvider { get; }

    /// <summary>Intra-op threads the session runs with (<see cref="SrSessionOptions.ResolvedIntraOpThreads"/>).</summary>
    public int IntraOpThreads => Options.ResolvedIntraOpThreads;

    /// <summary>Values in one output frame for an <paramref name="height"/>×<paramref name="width"/> input: 3 × (Scale·H) × (Scale·W).</summary>
    public int OutputLength(int height, int width) => checked(ModelContract.Channels * Scale * height * Scale * width);

    /// <summary>
    /// Super-resolves one frame. <paramref name="lr"/> is CHW float RGB in [0,1], 3 × <paramref name="height"/> ×
    /// <paramref name="width"/>; <paramref name="sr"/> receives CHW float RGB clamped to [0,1], 3 × (Scale·height) ×
    /// (Scale·width). With <see cref="SrSessionOptions.Tile"/> set, the frame runs as overlapping tiles.
    /// </summary>
    /// <exception cref="ModelContractException">On the first frame of a size, the output is not that size times <see cref="Scale"/>.</exception>
    /// <exception cref="InferenceException">ONNX Runtime failed to run the model.</exception>
    public void Run(ReadOnlySpan<float> lr, int height, int width, Span<float> sr)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        var inputLength = checked(ModelContract.Channels * height * width);
        if (lr.Length != inputLength)
        {
            throw new ArgumentException($"lr has {lr.Length} values, expected 3x{height}x{width} = {inputLength}", nameof(lr));
        }

        var outputLength = OutputLength(height, width);
        if (sr.Length != outputLength)
        {
            throw new ArgumentException($"sr has {sr.Length} values, expected 3x{Scale * height}x{Scale * width} = {outputLength}", nameof(sr));
        }

        var layout = LayoutFor(height, width);
        var run = RunFor(layout.TileHeight, layout.TileWidth);
        foreach (var row in layout.Rows)
        {
            foreach (var column in layout.Columns)
            {
                CopyTileIn(lr, layout, row, column, run);
                Execute(run);
                CopyTileOut(run, layout, row, column, sr);
            }
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _run?.Dispose();
        _run = null;
        _runOptions.Dispose();
        _session.Dispose();
    }

    private TileLayout LayoutFor(int height, int width)
    {
        if (_layout is null || _layout.Height != height || _layout.Width != width)
        {
            _layout = TileLayout.Create(height, width, Options.Tile, Options.TileOverlap);
        }

        return _layout;
    }

    private ShapedRun RunFor(int height, int width)
    {
        if (_run is null || _run.Height != height || _run.Width != width)
        {
            // Only one size is kept: a video keeps its size, and a size change is rare enough to pay for new tensors.
            _run?.Dispose();
            _run = null;
            _run = new ShapedRun(_session, height, width, Scale);
        }

        return _run;
    }

    private void Execute(ShapedRun run)
    {
        try
        {
            if (run.ShapeChecked)
            {
                run.Run(_session, _runOptions);
                return;
            }

            // First run at this size: let ONNX Runtime allocate the output so its shape can be checked; binding a
            // wrong-sized buffer would fail with a less useful message.
            using var outputs = _session.Run(_runOptions, InputNames, [run.InputValue], OutputNames);
            var output = outputs.First();
            CheckOutputShape(output, run.Height, run.Width, Scale, _scaleSource);
            output.GetTensorDataAsSpan<float>().CopyTo(run.Output);
            run.ShapeChecked = true;
        }
        catch (OnnxRuntimeException e)
        {
            throw new InferenceException($"{Source}: ONNX Runtime failed on a 3x{run.Height}x{run.Width} input ({OneLine.Of(e.Message)})", e);
        }
    }

    private int MeasureScale()
    {
        var input = new float[ModelContract.Channels * ProbeHeight * ProbeWidth];
        Array.Fill(input, 0.5f);
        try
        {
            using var inputValue = OrtValue.CreateTensorValueFromMemory(input, [1, ModelContract.Channels, ProbeHeight, ProbeWidth]);
            using var outputs = _session.Run(_runOptions, InputNames, [inputValue], OutputNames);
            var output = outputs.First();
            CheckOutputShape(output, ProbeHeight, ProbeWidth, scale: null, scaleSource: "");
            return (int)(output.GetTensorTypeAndShape().Shape[2] / ProbeHeight);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InferenceException($"{Source}: ONNX Runtime failed on a 3x{ProbeHeight}x{ProbeWidth} probe input ({OneLine.Of(e.Message)})", e);
        }
    }

    /// <summary>
    /// Checks the output of a 1×3×<paramref name="height"/>×<paramref name="width"/> run is float32
    /// 1×3×(s·H)×(s·W), with s = <paramref name="scale"/> or, when null, any one integer ≥ 1.
    /// </summary>
    private void CheckOutputShape(OrtValue output, int height, int width, int? scale, string scaleSource)
    {
        var info = output.GetTensorTypeAndShape();
        if (info.ElementDataType != Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Float)
        {
            throw new ModelContractException(Source, $"output element type {info.ElementDataType} at run time, expected float32");
        }

        var shape = info.Shape;
        var found = $"output is {string.Join("x", shape)} for input 1x3x{height}x{width}";
        if (scale is { } s)
        {
            if (shape is not [1, ModelContract.Channels, var h, var w] || h != (long)s * height || w != (long)s * width)
            {
                throw new ModelContractException(Source, $"{found}, expected 1x3x{s * height}x{s * width} (scale {s} {scaleSource})");
            }

            return;
        }

        if (shape is not [1, ModelContract.Channels, var oh, var ow]
            || oh < height || oh % height != 0 || ow % width != 0 || oh / height != ow / width)
        {
            throw new ModelContractException(Source, $"{found}, expected 1x3 and the same integer scale (1 or more) on height and width");
        }
    }

    private static void CopyTileIn(ReadOnlySpan<float> lr, TileLayout layout, TileSpan row, TileSpan column, ShapedRun run)
    {
        int frameHeight = layout.Height, frameWidth = layout.Width, tileHeight = run.Height, tileWidth = run.Width;
        var input = run.Input;
        for (var c = 0; c < ModelContract.Channels; c++)
        {
            var plane = lr.Slice(c * frameHeight * frameWidth, frameHeight * frameWidth);
            var tilePlane = input.Slice(c * tileHeight * tileWidth, tileHeight * tileWidth);
            for (var y = 0; y < tileHeight; y++)
            {
                plane.Slice((row.Start + y) * frameWidth + column.Start, tileWidth).CopyTo(tilePlane.Slice(y * tileWidth, tileWidth));
            }
        }
    }

    private void CopyTileOut(ShapedRun run, TileLayout layout, TileSpan row, TileSpan column, Span<float> sr)
    {
        var s = Scale;
        int outHeight = s * layout.Height, outWidth = s * layout.Width;
        int tileOutHeight = s * run.Height, tileOutWidth = s * run.Width;
        var columnOffset = s * (column.WriteFrom - column.Start);
        var length = s * (column.WriteTo - column.WriteFrom);
        ReadOnlySpan<float> output = run.Output;
        for (var c = 0; c < ModelContract.Channels; c++)
        {
            var tilePlane = output.Slice(c * tileOutHeight * tileOutWidth, tileOutHeight * tileOutWidth);
            var plane = sr.Slice(c * outHeight * outWidth, outHeight * outWidth);
            for (var y = s * row.WriteFrom; y < s * row.WriteTo; y++)
            {
                var source = tilePlane.Slice((y - s * row.Start) * tileOutWidth + columnOffset, length);
                ClampToUnit(source, plane.Slice(y * outWidth + s * column.WriteFrom, length));
            }
        }
    }

    /// <summary>Copies <paramref name="source"/> into <paramref name="destination"/> clamped to [0,1] (the contract leaves clamping to the consumer).</summary>
    private static void ClampToUnit(ReadOnlySpan<float> source, Span<float> destination)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= source.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                Vector.Min(Vector.Max(new Vector<float>(source[i..]), Vector<float>.Zero), Vector<float>.One).CopyTo(destination[i..]);
            }
        }

        for (; i < source.Length; i++)
        {
            destination[i] = Math.Clamp(source[i], 0f, 1f);
        }
    }

    private static InferenceSession CreateSession(byte[] model, string source, SrSessionOptions options, Action<string>? log, out ExecutionProvider used)
    {
        OrtLog.EnsureEnvironment();
        if (options.ExecutionProvider == ExecutionProvider.Cpu)
        {
            used = ExecutionProvider.Cpu;
            return CreateOnCpu(model, source, options);
        }

        var cuda = TryCreateOnCuda(model, options, out var reason, out var cause);
        if (cuda is not null)
        {
            used = ExecutionProvider.Cuda;
            return cuda;
        }

        // Session creation can fail because of the model rather than CUDA; only blame CUDA if the CPU takes the
        // model (a model error surfaces here as a ModelFileException instead).
        var cpu = CreateOnCpu(model, source, options);
        if (options.ExecutionProvider == ExecutionProvider.Cuda)
        {
            cpu.Dispose();
            throw new ExecutionProviderException(ExecutionProvider.Cuda, $"CUDA execution provider could not be loaded: {reason}", cause);
        }

        log?.Invoke($"CUDA unavailable ({reason}); running on CPU");
        used = ExecutionProvider.Cpu;
        return cpu;
    }

    /// <summary>
    /// Tries a CUDA session. The only honest test is to try: <c>OrtEnv.GetAvailableProviders()</c> lists CUDA
    /// wherever the GPU package is installed, even without CUDA libraries or a GPU.
    /// </summary>
    private static InferenceSession? TryCreateOnCuda(byte[] model, SrSessionOptions options, out string reason, out Exception? cause)
    {
        using var sessionOptions = NewSessionOptions(options);
        var captured = OrtLog.BeginCapture();
        try
        {
            // Throws OnnxRuntimeException "Failed to load shared library" without CUDA 13 + cuDNN 9 (the missing
            // library is named only in ONNX Runtime's log, hence the capture), and EntryPointNotFoundException
            // with the CPU-only ONNX Runtime package.
            sessionOptions.AppendExecutionProvider_CUDA(0);
            var session = new InferenceSession(model, sessionOptions);
            OrtLog.Replay(captured);
            reason = "";
            cause = null;
            return session;
        }
        catch (Exception e) when (e is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            reason = OneLine.Of(OrtLog.FirstError(captured) ?? e.Message);
            cause = e;
            return null;
        }
        finally
        {
            OrtLog.EndCapture();
        }
    }

    private static InferenceSession CreateOnCpu(byte[] model, string source, SrSessionOptions options)
    {
        using var sessionOptions = NewSessionOptions(options);
        try
        {
            return new InferenceSession(model, sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelFileException(source, $"ONNX Runtime cannot load the model: {source} ({OneLine.Of(e.Message)})", e);
        }
    }

    private static SessionOptions NewSessionOptions(SrSessionOptions options)
    {
        var sessionOptions = new SessionOptions { GraphOptimizationLevel = options.OptimizationLevel };
        sessionOptions.IntraOpNumThreads = options.ResolvedIntraOpThreads;
        if (!options.AllowSpinning)
        {
            sessionOptions.AddSessionConfigEntry(SpinningConfigKey, "0");
        }

        return sessionOptions;
    }
}
