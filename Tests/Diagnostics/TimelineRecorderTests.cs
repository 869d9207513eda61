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

    [Fact]
    public void Add_KeepRecentPastItsCapacity_KeepsTheNewestRecordsWithoutAllocating()
    {
        var recorder = new TimelineRecorder(100, keepRecent: true);
        var meter = new StageMeter("render", 100, keepRecent: true);
        var timeline = new FrameTimeline();
        void Frame(int i)
        {
            timeline.Set(TimelineMark.DecodeStart, 1000 + i);
            recorder.Add(i, i / 25.0, timeline);
            meter.End(meter.Begin());
        }

        for (int i = 0; i < 100; i++)
        {
            Frame(i);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 100; i < 1000; i++)
        {
            Frame(i);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.InRange(recorder.Records.Count, 51, 100);
        Assert.Equal(999, recorder.Records[^1].Index);
        Assert.Equal(Enumerable.Range(1000 - recorder.Records.Count, recorder.Records.Count).Select(i => (long)i), recorder.Records.Select(r => r.Index));
        Assert.InRange(meter.FrameMilliseconds.Count, 51, 100);
        Assert.Equal(1000, meter.Frames);
    }
}
