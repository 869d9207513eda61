using RealtimeSR.Shared.Data;

namespace RealtimeSR.Tests;

/// <summary>Files of the RealtimeSR checkout the tests run from (shipped models, clips, deploy recipes).</summary>
internal static class CheckoutFile
{
    /// <summary>The path of <paramref name="parts"/> under the checkout's root, e.g. ("media", "models", "realtime-x4.onnx").</summary>
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([DataRoot.FindCheckout(AppContext.BaseDirectory) ?? throw new InvalidOperationException("the tests run outside a RealtimeSR checkout"), .. parts]);
}
