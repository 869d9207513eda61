using RealtimeSR.Trainer.Export;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Models;

/// <summary>
/// The part of a luma network that an architecture defines (<see cref="LumaNetwork"/> supplies the colour): its
/// <c>forward</c> maps Y [N, 1, H, W] in [0, 1] to Y [N, 1, Scale·H, Scale·W], and <see cref="EmitOnnx"/> writes
/// the same function as ONNX nodes, next to it, so that the two are read and changed together.
/// </summary>
internal interface ILumaCore
{
    int Scale { get; }

    /// <summary>The core's <c>forward</c> as a module, for <see cref="LumaPath"/>.</summary>
    nn.Module<Tensor, Tensor> Module { get; }

    /// <summary>Emits the core on the luma tensor <paramref name="y"/>; returns the name of its HR luma.</summary>
    string EmitOnnx(GraphEmitter emit, string y);

    /// <summary>
    /// A faster whole-network graph where the core allows one (the real-time nets add their detail straight onto
    /// bicubic RGB), given the RGB input and its luma; null for the general luma path.
    /// </summary>
    string? EmitRgbOnnx(GraphEmitter emit, string rgb, string y) => null;
}
