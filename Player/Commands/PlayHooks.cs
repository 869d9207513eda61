using RealtimeSR.Player.Pipeline;
using RealtimeSR.Player.Rendering;

namespace RealtimeSR.Player.Commands;

/// <summary>Test access to a <c>play</c> run: watch (and drive input into) each iteration, read the final report.</summary>
/// <param name="Observe">Given the render target once it exists (a <see cref="WindowRenderTarget"/> in a window), returns
/// the observer called after every render-loop iteration, or null.</param>
/// <param name="Finished">Called with the report and the loop after playback ended normally.</param>
internal sealed record PlayHooks(
    Func<IRenderTarget, Action<PlayerSnapshot>?>? Observe = null,
    Action<PlaybackReport, RenderLoop>? Finished = null);
