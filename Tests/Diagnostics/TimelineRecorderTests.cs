using System.Diagnostics;
using RealtimeSR.Shared.Diagnostics;

namespace RealtimeSR.Tests.Diagnostics;

public class TimelineRecorderTests
{
    [Fact]
    public void Stages_KnownTimelines_GiveExactStageTimesAndFps()
    {
        long ms = Stopwatch.Frequency / 1000;
        var recorder = new TimelineRecorder(2);
        for (int i = 0; i < 2; i++)
        {
            var timeline = new FrameTimeline();
            long t0 = 1000 * ms + i * 10 * ms;
            timeline.Set(TimelineMark.DecodeStart, t0);
            timeline.Set(TimelineMark.DecodeEnd, t0 + 2 * ms);
            timeline.Set(TimelineMark.ConvertEnd, t0 + 3 * ms);
            timeline.Set(TimelineMark.InferStart, t0 + 4 * ms);
            timeline.Set(TimelineMark.InferEnd, t0 + 9 * ms);
            recorder.Add(i, i / 30.0, timeline);
        }

        var stages = recorder.Stages();

        Assert.Equal(["decode", "convert", "infer", "end-to-end"], stages.Select(s => s.Name));
        var infer = stages.Single(s => s.Name == "infer");
        Assert.Equal(5, infer.Milliseconds.P50, 6);
        Assert.Equal(200, infer.Fps, 6);
        Assert.Equal(0.019, recorder.WallSeconds, 6);
        Assert.Equal(9, stages[^1].Milliseconds.Max, 6);
        Assert.Equal(100.0 * 10 / 19, infer.BusyPercent, 6);
    }
}
