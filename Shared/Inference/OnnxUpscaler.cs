using RealtimeSR.Shared.Imaging;

namespace RealtimeSR.Shared.Inference;

/// <summary>Upscales single pictures with an ONNX model through <see cref="SrSession"/> (for eval, test and image upscaling).</summary>
public sealed class OnnxUpscaler : IImageUpscaler
{
    private readonly SrSession _session;
    private float[] _output = [];

    public OnnxUpscaler(SrSession session, string name)
    {
        _session = session;
        Name = name;
    }

    public string Name { get; }

    public int Scale => _session.Scale;

    public SrSession Session => _session;

    public Image Upscale(Image lr)
    {
        Image unit = lr.ToRange(PixelRange.Unit);
        int length = _session.OutputLength(lr.Height, lr.Width);
        if (_output.Length != length)
        {
            _output = new float[length];
        }

        _session.Run(unit.Planes, lr.Height, lr.Width, _output);
        var sr = new Image(lr.Width * Scale, lr.Height * Scale, PixelRange.Unit, _output, lr.IsSingleChannelSource);
        return sr.ToRange(PixelRange.Byte);
    }

    public void Dispose() => _session.Dispose();
}
