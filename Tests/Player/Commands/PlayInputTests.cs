using System.Diagnostics;
using RealtimeSR.Player.Commands;
using RealtimeSR.Player.Input;
using RealtimeSR.Player.Pipeline;
using RealtimeSR.Player.Platform.Sdl;
using RealtimeSR.Player.Rendering;
using RealtimeSR.Tests.Player.Platform;
using RealtimeSR.Tests.Video;
using Xunit.Abstractions;

namespace RealtimeSR.Tests.Player.Commands;

/// <summary>
/// The play verb in this process, in a real SDL window (Xvfb in CI), driven by injected input exactly as a user's
/// keys and mouse arrive: the divider moves, pause holds the frame, steps and seeks land on the expected frame.
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
        var log = new List<string>();
        string? failure = null;
        bool finished = false;

        var hooks = new PlayHooks(Observe: target =>
        {
            var window = (SdlWindow)((WindowRenderTarget)target).Window;
            var inject = new SdlInputInjector(window);
            var clock = Stopwatch.StartNew();
            int phase = 0;
            long phaseStart = 0;
            long paused = -1;

            void Next(long iteration, string what)
            {
                log.Add($"iteration {iteration}: {what}");
                phase++;
                phaseStart = iteration;
            }

            return snapshot =>
            {
                if (finished)
                {
                    return;
                }

                if (snapshot.Iteration - phaseStart > StepIterations || clock.Elapsed > Deadline)
                {
                    failure = $"stuck in step {phase} at {snapshot}; {string.Join("; ", log)}";
                    finished = true;
                    inject.KeyDown(PlayerKey.Q);
                    return;
                }

                var (width, height) = window.DrawableSize;
                switch (phase)
                {
                    case 0 when snapshot.Presented >= 3:
                        inject.Drag((width / 2f, height / 2f), (width / 4f, height / 2f));
                        Next(snapshot.Iteration, "drag divider to a quarter");
                        break;
                    case 1 when Math.Abs(snapshot.State.Divider - 0.25) < 0.02:
                        inject.KeyDown(PlayerKey.Space);
                        Next(snapshot.Iteration, $"divider at {snapshot.State.Divider:F3}; pause");
                        break;
                    case 2 when snapshot.State.Paused:
                        paused = snapshot.ShownIndex;
                        Next(snapshot.Iteration, $"paused at frame {paused}");
                        break;
                    case 3 when snapshot.Iteration - phaseStart >= 50:
                        Check(snapshot.ShownIndex == paused, $"frame {snapshot.ShownIndex} shown while paused at {paused}");
                        inject.KeyDown(PlayerKey.Period);
                        Next(snapshot.Iteration, "still paused; step forward");
                        break;
                    case 4 when snapshot.ShownIndex != paused:
                        Check(snapshot.ShownIndex == paused + 1, $"step forward showed {snapshot.ShownIndex}, expected {paused + 1}");
                        inject.KeyDown(PlayerKey.Comma);
                        Next(snapshot.Iteration, $"stepped to {snapshot.ShownIndex}; step back");
                        break;
                    case 5 when snapshot.ShownIndex != paused + 1:
                        Check(snapshot.ShownIndex == paused, $"step back showed {snapshot.ShownIndex}, expected {paused}");
                        inject.KeyDown(PlayerKey.Right);
                        Next(snapshot.Iteration, $"stepped back to {snapshot.ShownIndex}; seek +5 s");
                        break;
                    case 6 when snapshot.ShownIndex != paused:
                        long target = paused + 5 * Fps;
                        Check(snapshot.ShownIndex == target, $"seek +5 s showed {snapshot.ShownIndex}, expected {target}");
                        Check(Math.Abs(snapshot.ShownSeconds - target / (double)Fps) < 1e-3, $"seek +5 s shows t={snapshot.ShownSeconds}, expected {target / (double)Fps}");
                        Check(snapshot.State.Paused, "a seek while paused resumed playback");
                        inject.KeyDown(PlayerKey.Left);
                        Next(snapshot.Iteration, $"seeked to {snapshot.ShownIndex}; seek -5 s");
                        break;
                    case 7 when snapshot.ShownIndex != paused + 5 * Fps:
                        Check(snapshot.ShownIndex == paused, $"seek -5 s showed {snapshot.ShownIndex}, expected {paused}");
                        inject.KeyDown(PlayerKey.Space);
                        Next(snapshot.Iteration, $"back at {snapshot.ShownIndex}; resume");
                        break;
                    case 8 when snapshot.ShownIndex > paused + 3:
                        inject.KeyDown(PlayerKey.Q);
                        Next(snapshot.Iteration, $"playing again (frame {snapshot.ShownIndex}); quit");
                        finished = true;
                        break;
                }
            };

            void Check(bool condition, string message)
            {
                if (!condition && failure is null)
                {
                    failure = message;
                }
            }
        });

        var parse = PlayCommand.Create().Parse([clip, "--model", model, "--ep", "cpu"]);
        int exit = PlayCommand.Run(parse, hooks);

        log.ForEach(_output.WriteLine);
        Assert.Null(failure);
        Assert.True(finished, "the script did not reach its end: " + string.Join("; ", log));
        Assert.Equal(0, exit);
    }
}
