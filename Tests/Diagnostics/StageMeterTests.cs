using System.Diagnostics;
using RealtimeSR.Shared.Diagnostics;

namespace RealtimeSR.Tests.Diagnostics;

public class StageMeterTests
{
    [Fact]
    public void BeginEnd_WithATimeline_MarksItWithTheInstantsTheMeterCounts()
    {
        var meter = new StageMeter("infer", expectedFrames: 4, warmUpFrames: 1);
        var timeline = new FrameTimeline();

        long begin = meter.Begin(timeline, TimelineMark.InferStart);
        Thread.Sleep(5);
        long end = meter.End(begin, timeline, TimelineMark.InferEnd, TimelineMark.Present);

        Assert.Equal(begin, timeline[TimelineMark.InferStart]);
        Assert.Equal(end, timeline[TimelineMark.InferEnd]);
        Assert.Equal(end, timeline[TimelineMark.Present]);
        Assert.Equal(timeline.Milliseconds(TimelineMark.InferStart, TimelineMark.InferEnd), meter.FrameMilliseconds.Single(), 9);
        Assert.Equal(0, timeline[TimelineMark.DecodeStart]);
    }

    [Fact]
    public void StageStatisticsFrom_TwoFramesOverAKnownWall_GivesFpsBusyShareAndCpuColumns()
    {
        var meter = new StageMeter("decode", expectedFrames: 4, warmUpFrames: 1);
        for (int i = 0; i < 2; i++)
        {
            long begin = meter.Begin();
            var spin = Stopwatch.StartNew();
            while (spin.ElapsedMilliseconds < 10)
            {
            }

            meter.End(begin);
        }

        StageStatistics statistics = StageStatistics.From(meter, wallSeconds: 0.1);

        Assert.Equal(2, statistics.Frames);
        Assert.Equal(meter.BusyMilliseconds, statistics.TotalMilliseconds);
        Assert.Equal(2 / (meter.BusyMilliseconds / 1000), statistics.Fps, 6);
        Assert.Equal(100 * meter.BusyMilliseconds / 100, statistics.BusyPercent, 6);
        Assert.NotNull(statistics.CpuMillisecondsPerFrame);
        if (OperatingSystem.IsLinux())
        {
            Assert.InRange(statistics.CpuMillisecondsPerFrame!.Value, 1, 1000); // a busy-wait burns CPU on its own thread
        }
    }
}
