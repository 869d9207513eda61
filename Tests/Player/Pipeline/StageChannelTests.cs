using RealtimeSR.Player.Pipeline;

namespace RealtimeSR.Tests.Player.Pipeline;

public class StageChannelTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);



    [Fact]
    public void TryRead_EveryReadWaitsForTheWriter_AllocatesNothingOnTheReaderThread()
    {
        var channel = StageChannel.Create<object>();
        using var cancellation = new CancellationTokenSource();
        var item = new object();
        const int warmUp = 20, measured = 200;
        long allocated = -1;
        var reader = new Thread(() =>
        {
            for (int i = 0; i < warmUp; i++)
            {
                StageChannel.TryRead(channel.Reader, out _, cancellation.Token);
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < measured; i++)
            {
                StageChannel.TryRead(channel.Reader, out _, cancellation.Token);
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        });
        reader.Start();

        // The writer is slower than the reader, so every read finds the channel empty and blocks.
        for (int i = 0; i < warmUp + measured; i++)
        {
            Thread.Sleep(1);
            Assert.True(StageChannel.Write(channel.Writer, item, cancellation.Token));
        }

        Assert.True(reader.Join(Patience), "the reader did not finish");
        Assert.Equal(0, allocated);
    }
}
