using RealtimeSR.Trainer.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Training;

/// <summary>Turns a <see cref="TrainingBatch"/> into NCHW tensors on the training device (inside the caller's dispose scope).</summary>
internal static class BatchTensors
{
    public static (Tensor Lr, Tensor Hr) Of(TrainingBatch batch, Device device) =>
        (Copy(batch.Lr, [batch.Count, 3, batch.LrSize, batch.LrSize], device),
         Copy(batch.Hr, [batch.Count, 3, batch.HrSize, batch.HrSize], device));

    /// <summary>
    /// Copies into a tensor that libtorch owns. <c>torch.tensor(float[])</c> would instead wrap the managed array
    /// and free it through a callback when libtorch drops the storage; copying keeps the batch arrays (made on the
    /// loader thread, then garbage) out of libtorch's hands entirely.
    /// </summary>
    private static Tensor Copy(float[] values, long[] shape, Device device)
    {
        Tensor cpu = empty(shape, ScalarType.Float32);
        cpu.data<float>().CopyFrom(values, 0, 0);
        return device.type == DeviceType.CPU ? cpu : cpu.to(device);
    }
}
