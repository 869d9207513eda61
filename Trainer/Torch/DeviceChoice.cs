namespace RealtimeSR.Trainer.Torch;

/// <summary>What <c>--device</c> asks for; <see cref="TorchDevice.Resolve(DeviceChoice, Action{string})"/> turns it into a device.</summary>
internal enum DeviceChoice
{
    /// <summary>CUDA when libtorch can use it, else the CPU: the default, so one command line works on every machine.</summary>
    Auto,

    /// <summary>The CPU even where CUDA is available (e.g. to compare results or keep the GPU free).</summary>
    Cpu,

    /// <summary>CUDA or a clear error: a long training run must not silently fall back to a device many times slower.</summary>
    Cuda,
}
