using System.ComponentModel;
using System.Diagnostics;
using TorchSharp;

namespace RealtimeSR.Trainer.Torch;

/// <summary>Turns <c>--device</c> into the libtorch device the trainer runs on, and says which in one log line.</summary>
internal static class TorchDevice
{
    /// <summary>
    /// The device for <paramref name="choice"/>; writes one line such as "device: cpu (CUDA not available)" to
    /// <paramref name="log"/>. Asks libtorch, not the driver, whether CUDA works: with the CPU package it never does.
    /// </summary>
    /// <exception cref="CudaUnavailableException"><see cref="DeviceChoice.Cuda"/> where CUDA is not available.</exception>
    public static torch.Device Resolve(DeviceChoice choice, Action<string> log) =>
        Resolve(choice, log, torch.cuda.is_available());

    /// <summary>
    /// <see cref="Resolve(DeviceChoice, Action{string})"/> with CUDA's availability given, so both branches can be
    /// tested on a machine without a GPU.
    /// </summary>
    internal static torch.Device Resolve(DeviceChoice choice, Action<string> log, bool cudaAvailable)
    {
        switch (choice)
        {
            case DeviceChoice.Cpu:
                log("device: cpu (--device cpu)");
                return torch.CPU;
            case DeviceChoice.Auto when !cudaAvailable:
                log("device: cpu (CUDA not available)");
                return torch.CPU;
            case DeviceChoice.Cuda when !cudaAvailable:
                throw new CudaUnavailableException();
            case DeviceChoice.Auto or DeviceChoice.Cuda:
                var device = new torch.Device(DeviceType.CUDA, 0);
                string? name = GpuName();
                log(name is null ? $"device: {device}" : $"device: {device} ({name})");
                return device;
            default:
                throw new ArgumentOutOfRangeException(nameof(choice), choice, null);
        }
    }

    /// <summary>
    /// The GPU's name from nvidia-smi when it lists exactly one (libtorch's C API does not expose names, and with
    /// several GPUs nvidia-smi's order need not be CUDA's); null when it cannot be had.
    /// </summary>
    private static string? GpuName()
    {
        try
        {
            var start = new ProcessStartInfo("nvidia-smi", "--query-gpu=name --format=csv,noheader")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using Process process = Process.Start(start)!;
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync(); // drained so a chatty failure cannot block on a full pipe
            if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                process.Kill();
                return null;
            }

            string[] names = output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return process.ExitCode == 0 && names.Length == 1 ? names[0] : null;
        }
        catch (Win32Exception)
        {
            return null; // no nvidia-smi on PATH
        }
    }
}
