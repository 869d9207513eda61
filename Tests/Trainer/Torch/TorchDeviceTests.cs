using RealtimeSR.Trainer.Torch;
using TorchSharp;

namespace RealtimeSR.Tests.Trainer.Torch;

public class TorchDeviceTests
{
    [Fact]
    public void Resolve_AutoOnThisMachine_CpuUnlessCudaIsAvailable()
    {
        var log = new List<string>();

        torch.Device device = TorchDevice.Resolve(DeviceChoice.Auto, log.Add);

        // With TorchSharp-cpu (the default build) CUDA is never available; a CUDA build on a GPU machine picks it.
        if (torch.cuda.is_available())
        {
            Assert.Equal(DeviceType.CUDA, device.type);
            Assert.StartsWith("device: cuda:0", Assert.Single(log));
        }
        else
        {
            Assert.Equal(DeviceType.CPU, device.type);
            Assert.Equal(["device: cpu (CUDA not available)"], log);
        }
    }

    [SkippableFact]
    public void Resolve_CudaWhereCudaIsUnavailable_ThrowsCudaUnavailable()
    {
        Skip.If(torch.cuda.is_available(), "CUDA is available here, so --device cuda rightly succeeds");
        var log = new List<string>();

        var e = Assert.Throws<CudaUnavailableException>(() => TorchDevice.Resolve(DeviceChoice.Cuda, log.Add));

        Assert.StartsWith("--device cuda: CUDA is not available", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Empty(log);
    }

    [Fact]
    public void Resolve_Cpu_CpuEvenWhereCudaIsAvailable()
    {
        var log = new List<string>();

        torch.Device device = TorchDevice.Resolve(DeviceChoice.Cpu, log.Add, cudaAvailable: true);

        Assert.Equal(DeviceType.CPU, device.type);
        Assert.Equal(["device: cpu (--device cpu)"], log);
    }

    [Fact]
    public void Resolve_AutoWhereCudaIsAvailable_FirstCudaDeviceWithOneLogLine() =>
        AssertFirstCudaDevice(DeviceChoice.Auto);

    [Fact]
    public void Resolve_CudaWhereCudaIsAvailable_FirstCudaDeviceWithOneLogLine() =>
        AssertFirstCudaDevice(DeviceChoice.Cuda);

    private static void AssertFirstCudaDevice(DeviceChoice choice)
    {
        var log = new List<string>();

        torch.Device device = TorchDevice.Resolve(choice, log.Add, cudaAvailable: true);

        Assert.Equal((DeviceType.CUDA, 0L), (device.type, device.index));
        Assert.StartsWith("device: cuda:0", Assert.Single(log)); // "(NVIDIA …)" follows where nvidia-smi names one GPU
    }
}
