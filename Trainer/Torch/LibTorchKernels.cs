using System.Runtime.InteropServices;

namespace RealtimeSR.Trainer.Torch;

/// <summary>
/// Makes libtorch run CPU convolutions with its own kernels instead of oneDNN's. On the AMD EPYC machines this
/// project is built and tested on, libtorch 2.10's oneDNN convolutions return results that depend on what their
/// buffers held before: NaN gradients now and then (they read memory nobody wrote: with libtorch's allocator
/// junk-filling new memory a plain three-convolution net went NaN in every run, zero-filling in none), and a
/// transposed-convolution forward (FSRCNN) that differs from run to run even with zero-filled memory. That made
/// the trainer tests fail at random under load and could turn a long run NaN. libtorch's own kernels give the same
/// numbers every time (they are slower here; media/README.md has the figures). TorchSharp has no setting for
/// this, so libtorch's C++ switches (<c>at::globalContext().setUserEnabledMkldnn(false)</c>, and NNPACK, which
/// libtorch would try next and which cannot run on these CPUs and warns at every call) are called directly.
/// CUDA convolutions are not affected.
/// </summary>
internal static class LibTorchKernels
{
    // Itanium C++ ABI names (Linux, macOS builds of libtorch) of at::globalContext() and two at::Context members.
    private const string Library = "libtorch_cpu";

    private static readonly Lazy<string?> Outcome = new(SwitchToNativeConvolutions);

    /// <summary>
    /// Switches once per process, before the first network is built; later calls do nothing. Null when done, else
    /// why it could not be (e.g. a libtorch built by MSVC, whose names differ; also written to stderr once).
    /// </summary>
    public static string? EnsureNativeConvolutions() => Outcome.Value;

    private static string? SwitchToNativeConvolutions()
    {
        try
        {
            TorchSharp.torch.InitializeDeviceType(TorchSharp.DeviceType.CPU); // loads libtorch as TorchSharp does
            IntPtr context = GlobalContext();
            SetUserEnabledMkldnn(context, false);
            SetUserEnabledNnpack(context, false);
            return UserEnabledMkldnn(context) ? Warn("libtorch kept its oneDNN convolutions on") : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return Warn($"could not switch libtorch's oneDNN convolutions off ({e.Message}); results may vary from run to run");
        }
    }

    private static string Warn(string reason)
    {
        Console.Error.WriteLine($"warning: {reason}");
        return reason;
    }

    [DllImport(Library, EntryPoint = "_ZN2at13globalContextEv")]
    private static extern IntPtr GlobalContext();

    [DllImport(Library, EntryPoint = "_ZN2at7Context20setUserEnabledMkldnnEb")]
    private static extern void SetUserEnabledMkldnn(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);

    [DllImport(Library, EntryPoint = "_ZN2at7Context20setUserEnabledNNPACKEb")]
    private static extern void SetUserEnabledNnpack(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);

    [DllImport(Library, EntryPoint = "_ZNK2at7Context17userEnabledMkldnnEv")]
    [return: MarshalAs(UnmanagedType.U1)]
    private static extern bool UserEnabledMkldnn(IntPtr context);
}
