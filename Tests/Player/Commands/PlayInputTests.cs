using RealtimeSR.Player.Commands;
using RealtimeSR.Player.Input;
using RealtimeSR.Player.Pipeline;
using RealtimeSR.Player.Platform.Sdl;
using RealtimeSR.Player.Rendering;
using RealtimeSR.Player.View;
using RealtimeSR.Shared.Imaging;
using RealtimeSR.Shared.IO;
using RealtimeSR.Tests.Player.Platform;
using RealtimeSR.Tests.Video;
using Xunit.Abstractions;

namespace RealtimeSR.Tests.Player.Commands;

/// <summary>
/// The play verb in this process, in a real SDL window (Xvfb in CI), driven by injected input exactly as a user's
/// keys and mouse arrive: the divider moves, pause holds the frame, steps and seeks land on the expected frame; the
/// difference view, the loupe and the evidence snapshot follow the keys; the model switch shows the other model next.
/// </summary>
[Collection(SdlCollection.Name)]
public sealed class PlayInputTests
{
    private const int Fps = 30;

    /// <summary>Upper bound on loop iterations per script step (each idle iteration waits ~2 ms).</summary>
    private const int StepIterations = 5000;

    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    private readonly ITestOutputHelper _output;

    public PlayInputTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Play_InjectedInput_MovesDividerPausesStepsAndSeeksToTheExactFrame()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("clip.mkv"), 64, 48, frames: 240);
        string model = TinyModelFile.Write(temp.Path, scale: 2);
        InputScript? script = null;

        var hooks = new PlayHooks(Observe: target =>
        {
            var window = (SdlWindow)((WindowRenderTarget)target).Window;
            var inject = new SdlInputInjector(window);
            var run = script = new InputScript(inject, StepIterations, Deadline);
            long paused = -1;
            return snapshot =>
            {
                if (run.Over(snapshot))
                {
                    return;
                }

                var (width, height) = window.DrawableSize;
                switch (run.Step)
                {
                    case 0 when snapshot.Presented >= 3:
                        inject.Drag((width / 2f, height / 2f), (width / 4f, height / 2f));
                        run.Next(snapshot, "drag divider to a quarter");
                        break;
                    case 1 when Math.Abs(snapshot.State.Divider - 0.25) < 0.02:
                        inject.KeyDown(PlayerKey.Space);
                        run.Next(snapshot, $"divider at {snapshot.State.Divider:F3}; pause");
                        break;
                    case 2 when snapshot.State.Paused:
                        paused = snapshot.ShownIndex;
                        run.Next(snapshot, $"paused at frame {paused}");
                        break;
                    case 3 when snapshot.Iteration - run.StepStart >= 50:
                        run.Check(snapshot.ShownIndex == paused, $"frame {snapshot.ShownIndex} shown while paused at {paused}");
                        inject.KeyDown(PlayerKey.Period);
                        run.Next(snapshot, "still paused; step forward");
                        break;
                    case 4 when snapshot.ShownIndex != paused:
                        run.Check(snapshot.ShownIndex == paused + 1, $"step forward showed {snapshot.ShownIndex}, expected {paused + 1}");
                        inject.KeyDown(PlayerKey.Comma);
                        run.Next(snapshot, $"stepped to {snapshot.ShownIndex}; step back");
                        break;
                    case 5 when snapshot.ShownIndex != paused + 1:
                        run.Check(snapshot.ShownIndex == paused, $"step back showed {snapshot.ShownIndex}, expected {paused}");
                        inject.KeyDown(PlayerKey.Right);
                        run.Next(snapshot, $"stepped back to {snapshot.ShownIndex}; seek +5 s");
                        break;
                    case 6 when snapshot.ShownIndex != paused:
                        long target = paused + 5 * Fps;
                        run.Check(snapshot.ShownIndex == target, $"seek +5 s showed {snapshot.ShownIndex}, expected {target}");
                        run.Check(Math.Abs(snapshot.ShownSeconds - target / (double)Fps) < 1e-3, $"seek +5 s shows t={snapshot.ShownSeconds}, expected {target / (double)Fps}");
                        run.Check(snapshot.State.Paused, "a seek while paused resumed playback");
                        inject.KeyDown(PlayerKey.Left);
                        run.Next(snapshot, $"seeked to {snapshot.ShownIndex}; seek -5 s");
                        break;
                    case 7 when snapshot.ShownIndex != paused + 5 * Fps:
                        run.Check(snapshot.ShownIndex == paused, $"seek -5 s showed {snapshot.ShownIndex}, expected {paused}");
                        inject.KeyDown(PlayerKey.Space);
                        run.Next(snapshot, $"back at {snapshot.ShownIndex}; resume");
                        break;
                    case 8 when snapshot.ShownIndex > paused + 3:
                        run.Quit(snapshot, $"playing again (frame {snapshot.ShownIndex})");
                        break;
                }
            };
        });

        var parse = PlayCommand.Create().Parse([clip, "--model", model, "--ep", "cpu"]);
        int exit = PlayCommand.Run(parse, hooks);

        AssertScriptRan(script);
        Assert.Equal(0, exit);
    }

    [Fact]
    public void Play_InjectedInspectionInput_ShowsDifferenceAndLoupeWhereThePointerIsAndSavesEvidence()
    {
        using var temp = new TempFolder();
        // Big enough that the loupe (two squares of a third of the window side) fits beside the pointer.
        string clip = TestClips.Make(temp.File("clip.mkv"), 160, 120, frames: 240);
        string model = TinyModelFile.Write(temp.Path, scale: 2);
        string screenshot = temp.File("shown.png");
        string shots = temp.Folder("shots");
        InputScript? script = null;
        ViewState? final = null;
        long shownIndex = -1;
        (int Width, int Height) window = default;

        var hooks = new PlayHooks(Observe: target =>
        {
            var sdlWindow = (SdlWindow)((WindowRenderTarget)target).Window;
            var inject = new SdlInputInjector(sdlWindow);
            var run = script = new InputScript(inject, StepIterations, Deadline);
            return snapshot =>
            {
                if (run.Over(snapshot))
                {
                    return;
                }

                window = sdlWindow.DrawableSize;
                switch (run.Step)
                {
                    case 0 when snapshot.Presented >= 3:
                        inject.KeyDown(PlayerKey.Space);
                        inject.KeyDown(PlayerKey.D);
                        inject.KeyDown(PlayerKey.L);
                        inject.MouseMove(window.Width / 3, window.Height / 3);
                        inject.Wheel(1, window.Width / 3, window.Height / 3, ctrl: true);
                        run.Next(snapshot, "pause, d, l, pointer to a third, ctrl+wheel");
                        break;
                    case 1 when snapshot.State is { Paused: true, Mode: ViewMode.Difference, Loupe: true, LoupeZoom: 8 }:
                        run.Next(snapshot, $"state {snapshot.State}");
                        break;
                    case 2 when snapshot.Iteration - run.StepStart >= 20:
                        final = snapshot.State;
                        shownIndex = snapshot.ShownIndex;
                        inject.KeyDown(PlayerKey.E);
                        run.Next(snapshot, $"evidence of frame {shownIndex}");
                        break;
                    case 3 when File.Exists(Path.Combine(shots, $"rtsr-evidence-{shownIndex:D6}.json")):
                        run.Quit(snapshot, "evidence written");
                        break;
                }
            };
        });

        var parse = PlayCommand.Create().Parse([clip, "--model", model, "--ep", "cpu", "--screenshot", screenshot, "--shots", shots]);
        int exit = PlayCommand.Run(parse, hooks);

        AssertScriptRan(script);
        Assert.Equal(0, exit);
        Assert.NotNull(final);
        var shown = ImageFile.Load(screenshot);
        var layout = ViewLayout.Compute(final, window.Width, window.Height, 320, 240);
        var loupe = LoupeLayout.Compute(final, layout, window.Width, window.Height)!.Value;
        int i = (loupe.Frame.Y + 10) * shown.Width + loupe.Frame.X - 1;
        Assert.Equal((255f, 255f, 255f), (shown.Planes[i], shown.Planes[shown.Width * shown.Height + i], shown.Planes[2 * shown.Width * shown.Height + i]));
        Assert.Equal(((float)(window.Width / 3), (float)(window.Height / 3)), (final.PointerX, final.PointerY));

        // The evidence snapshot of the paused frame: its index, the model's hash, and each PNG's hash as written.
        using var sidecar = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(shots, $"rtsr-evidence-{shownIndex:D6}.json")));
        Assert.Equal(shownIndex, sidecar.RootElement.GetProperty("source").GetProperty("frameIndex").GetInt64());
        Assert.Equal(FileHash.Sha256(model), sidecar.RootElement.GetProperty("method").GetProperty("modelSha256").GetString());
        foreach (var picture in sidecar.RootElement.GetProperty("pictures").EnumerateArray())
        {
            string png = Path.Combine(shots, picture.GetProperty("file").GetString()!);
            Assert.Equal(FileHash.Sha256(png), picture.GetProperty("sha256").GetString());
        }

        var source = ImageFile.Load(Path.Combine(shots, $"rtsr-evidence-{shownIndex:D6}-source.png"));
        Assert.Equal((160, 120), (source.Width, source.Height));
    }

    [Fact]
    public void Play_InjectedNextModelKey_VeryNextFrameIsTheOtherModelsAndPausedItRedoesTheFrameOnScreen()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("clip.mkv"), 64, 48, frames: 600);
        string model = TinyModelFile.Write(temp.Path, scale: 2);
        string shots = temp.Folder("shots");
        InputScript? script = null;
        long pausedIndex = -1;

        var hooks = new PlayHooks(Observe: target =>
        {
            var inject = new SdlInputInjector((SdlWindow)((WindowRenderTarget)target).Window);
            var run = script = new InputScript(inject, StepIterations, Deadline);
            long presentedAtKey = 0, indexAtKey = -1;
            var sinceKey = new System.Diagnostics.Stopwatch();
            return snapshot =>
            {
                if (run.Over(snapshot))
                {
                    return;
                }

                switch (run.Step)
                {
                    case 0 when snapshot.Presented >= 5:
                        run.Check(snapshot.ShownModel == "tiny-x2.onnx", $"playing {snapshot.ShownModel} first");
                        inject.KeyDown(PlayerKey.N);
                        (presentedAtKey, indexAtKey) = (snapshot.Presented, snapshot.ShownIndex);
                        sinceKey.Start();
                        run.Next(snapshot, $"n at frame {snapshot.ShownIndex}");
                        break;
                    case 1 when snapshot.Presented > presentedAtKey:
                        // Every frame shown after the key press is the new model's: the first one already, and it is the
                        // very next frame (the queued ones were upscaled again, not dropped: no frame is held longer).
                        run.Check(snapshot.ShownModel == "bicubic", $"frame {snapshot.ShownIndex}, the first shown after n, came from {snapshot.ShownModel}");
                        run.Check(snapshot.ShownIndex == indexAtKey + 1, $"frame {snapshot.ShownIndex} came first after n at frame {indexAtKey}: frames were skipped");
                        inject.KeyDown(PlayerKey.Space);
                        run.Next(snapshot, $"bicubic from frame {snapshot.ShownIndex}, {sinceKey.Elapsed.TotalMilliseconds:F0} ms after n (frame interval {1000.0 / Fps:F1} ms); pause");
                        break;
                    case 2 when snapshot.State.Paused && snapshot.Iteration - run.StepStart > 20:
                        pausedIndex = snapshot.ShownIndex;
                        inject.KeyDown(PlayerKey.E);
                        inject.KeyDown(PlayerKey.N);
                        run.Next(snapshot, $"paused at {pausedIndex}; evidence, then n again");
                        break;
                    case 3 when snapshot.ShownModel == "tiny-x2.onnx":
                        run.Check(snapshot.ShownIndex == pausedIndex && snapshot.State.Paused, $"paused switch showed frame {snapshot.ShownIndex} (paused {snapshot.State.Paused}), expected {pausedIndex}");
                        run.Quit(snapshot, "the paused frame redone by the first model");
                        break;
                }
            };
        });

        var parse = PlayCommand.Create().Parse([clip, "--model", model, "--ep", "cpu", "--shots", shots]);
        int exit = PlayCommand.Run(parse, hooks);

        AssertScriptRan(script);
        Assert.Equal(0, exit);
        // The evidence of the paused frame shown by bicubic: its SR picture is the bicubic one, but for MATLAB's
        // rounded and clamped intermediate on the CPU against the GPU's float bicubic (a level, a few more at sharp edges).
        using var sidecar = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(shots, $"rtsr-evidence-{pausedIndex:D6}.json")));
        Assert.Equal("bicubic", sidecar.RootElement.GetProperty("method").GetProperty("model").GetString());
        var sr = ImageFile.Load(Path.Combine(shots, $"rtsr-evidence-{pausedIndex:D6}-sr.png"));
        var bicubic = ImageFile.Load(Path.Combine(shots, $"rtsr-evidence-{pausedIndex:D6}-bicubic.png"));
        var differences = sr.Planes.Zip(bicubic.Planes).Select(p => Math.Abs(p.First - p.Second)).ToArray();
        _output.WriteLine($"SR vs bicubic: mean {differences.Average():F3}, max {differences.Max()}, {differences.Count(d => d > 2)} of {differences.Length} over 2");
        Assert.True(differences.Average() < 0.5 && differences.Count(d => d > 2) < differences.Length / 100, "the SR side shows bicubic");
    }

    [Fact]
    public void Play_WithReferenceThreeQuickModelSwitches_KeepsPlayingOnTheLastModel()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(temp.File("clip.mkv"), 64, 48, frames: 300);
        string reference = TestClips.Make(temp.File("hr.mkv"), 128, 96, frames: 300);
        string model = TinyModelFile.Write(temp.Path, scale: 2);
        InputScript? script = null;

        var hooks = new PlayHooks(Observe: target =>
        {
            var inject = new SdlInputInjector((SdlWindow)((WindowRenderTarget)target).Window);
            var run = script = new InputScript(inject, StepIterations, Deadline);
            long presentedAtKey = 0;
            return snapshot =>
            {
                if (run.Over(snapshot))
                {
                    return;
                }

                switch (run.Step)
                {
                    case 0 when snapshot.Presented >= 5:
                        // Two switches in a row while the reference stage keeps frames queued ahead of the display.
                        inject.KeyDown(PlayerKey.N);
                        inject.KeyDown(PlayerKey.N);
                        inject.KeyDown(PlayerKey.N);
                        presentedAtKey = snapshot.Presented;
                        run.Next(snapshot, $"n n n at frame {snapshot.ShownIndex}");
                        break;
                    case 1 when snapshot.Presented >= presentedAtKey + 20:
                        run.Check(snapshot.ShownModel == "bicubic", $"frame {snapshot.ShownIndex} from {snapshot.ShownModel} after three switches");
                        run.Quit(snapshot, $"still playing: frame {snapshot.ShownIndex}");
                        break;
                }
            };
        });

        var parse = PlayCommand.Create().Parse([clip, "--model", model, "--reference", reference, "--ep", "cpu"]);
        int exit = PlayCommand.Run(parse, hooks);

        AssertScriptRan(script);
        Assert.Equal(0, exit);
    }

    private void AssertScriptRan(InputScript? script)
    {
        Assert.NotNull(script);
        script.Log.ForEach(_output.WriteLine);
        Assert.Null(script.Failure);
        Assert.True(script.Finished, "the script did not reach its end: " + string.Join("; ", script.Log));
    }
}
