using System.Diagnostics;
using RealtimeSR.Player.Commands;
using RealtimeSR.Player.Input;
using RealtimeSR.Player.Platform.Sdl;
using RealtimeSR.Player.Rendering;
using RealtimeSR.Tests.Player.Platform;
using RealtimeSR.Tests.Video.Live;
using Xunit.Abstractions;

namespace RealtimeSR.Tests.Player.Commands;

/// <summary>
/// <c>play rtsp://…</c> in this process, in a real SDL window (Xvfb in CI), with injected keys while the RTSP server
/// is killed and restarted: pause holds the last frame, a seek does nothing, resume jumps to the stream's present,
/// and a dropped connection comes back by itself.
/// </summary>
[Collection(SdlCollection.Name)]
public sealed class PlayLiveInputTests
{
    private const int StepIterations = 20_000;

    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    private readonly ITestOutputHelper _output;

    public PlayLiveInputTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Play_RtspPausedResumedAndServerRestarted_ResumesAtLiveAndReconnects()
    {
        using var temp = new TempFolder();
        using var server = new RtspTestServer(160, 120, rate: 25);
        string model = TinyModelFile.Write(temp.Path, scale: 2);
        InputScript? script = null;
        Task? outage = null;

        var hooks = new PlayHooks(Observe: target =>
        {
            var window = (SdlWindow)((WindowRenderTarget)target).Window;
            var inject = new SdlInputInjector(window);
            var run = script = new InputScript(inject, StepIterations, Deadline);
            long pausedIndex = -1;
            double pausedSeconds = 0, killSeconds = 0;
            var pausedFor = new Stopwatch();
            return snapshot =>
            {
                if (run.Over(snapshot))
                {
                    return;
                }

                switch (run.Step)
                {
                    case 0 when snapshot.Presented >= 10:
                        inject.KeyDown(PlayerKey.Space);
                        run.Next(snapshot, $"frame {snapshot.ShownIndex} shown; pause");
                        break;
                    case 1 when snapshot.State.Paused:
                        (pausedIndex, pausedSeconds) = (snapshot.ShownIndex, snapshot.ShownSeconds);
                        pausedFor.Start();
                        inject.KeyDown(PlayerKey.Right);
                        run.Next(snapshot, $"paused at frame {pausedIndex} (t={pausedSeconds:F2} s); seek +5 s");
                        break;
                    case 2 when pausedFor.Elapsed > TimeSpan.FromSeconds(1.5):
                        run.Check(snapshot.ShownIndex == pausedIndex, $"paused at {pausedIndex} but showing {snapshot.ShownIndex}");
                        inject.KeyDown(PlayerKey.Space);
                        run.Next(snapshot, $"still frame {snapshot.ShownIndex} after {pausedFor.Elapsed.TotalSeconds:F1} s; resume");
                        break;
                    case 3 when snapshot.ShownIndex != pausedIndex:
                        // Frames queued at the pause arrived right after the paused one; the stream's present is ≥ 1.5 s on.
                        run.Check(snapshot.ShownSeconds - pausedSeconds >= 1.2, $"resumed at t={snapshot.ShownSeconds:F2} s, {snapshot.ShownSeconds - pausedSeconds:F2} s after the paused frame: not at live");
                        killSeconds = snapshot.ShownSeconds;
                        outage = Task.Run(() =>
                        {
                            server.Stop();
                            Thread.Sleep(2000);
                            server.Start();
                        });
                        run.Next(snapshot, $"resumed at t={snapshot.ShownSeconds:F2} s; server killed for 2 s");
                        break;
                    case 4 when snapshot.ShownSeconds >= killSeconds + 2:
                        run.Quit(snapshot, $"frame {snapshot.ShownIndex} at t={snapshot.ShownSeconds:F2} s, after the outage");
                        break;
                }
            };
        });

        var parse = PlayCommand.Create().Parse([server.Url, "--model", model, "--ep", "cpu"]);
        int exit = PlayCommand.Run(parse, hooks);
        outage?.Wait(TimeSpan.FromSeconds(60));

        Assert.NotNull(script);
        script.Log.ForEach(_output.WriteLine);
        Assert.Null(script.Failure);
        Assert.True(script.Finished, "the script did not reach its end: " + string.Join("; ", script.Log));
        Assert.Equal(0, exit);
    }
}
