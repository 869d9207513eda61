using RealtimeSR.Shared;

namespace RealtimeSR.Trainer.Torch;

/// <summary><c>--device cuda</c> on a machine or build where libtorch cannot use CUDA.</summary>
internal sealed class CudaUnavailableException : ReportableException
{
    public override int ExitCode => ExitCodes.Unavailable;

    public CudaUnavailableException()
        : base("--device cuda: CUDA is not available (this build's libtorch has no CUDA, or there is no NVIDIA GPU " +
               "or driver); use --device auto or cpu, or on Windows with an NVIDIA GPU build with -p:TorchBackend=cuda-windows")
    {
    }
}
