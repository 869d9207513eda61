using RealtimeSR.Shared.Inference;
using RealtimeSR.Tests.Onnx;
using Xunit;
using Xunit.Abstractions;

namespace RealtimeSR.Tests.Inference;

/// <summary>
/// There is no GPU on development or CI machines, so these check the CPU side of the CUDA paths: a clear error for
/// <see cref="ExecutionProvider.Cuda"/>, one log line and a working CPU session for <see cref="ExecutionProvider.Auto"/>.
/// Where CUDA does load, they say so instead of asserting a failure that cannot happen.
/// </summary>
public sealed class ExecutionProviderTests(ITestOutputHelper output)
{
    private static readonly TinySrWeights Weights = TinySrWeights.Random(2);

    [SkippableFact]
    public void Constructor_CudaWhereCudaCannotLoad_ThrowsExecutionProviderException()
    {
        var model = TestModels.SuperResolutionBytes(Weights, TestModels.Card(2));
        SrSession? session = null;
        var e = Record.Exception(() => session = new SrSession(model, "m.onnx", new SrSessionOptions { ExecutionProvider = ExecutionProvider.Cuda }));
        using (session)
        {
            Skip.If(session is not null, "CUDA loaded on this machine, so there is no failure to check");
        }

        var failure = Assert.IsType<ExecutionProviderException>(e);
        output.WriteLine(failure.Message);
        Assert.StartsWith("CUDA execution provider could not be loaded: ", failure.Message);
        Assert.True(failure.Message.Length > "CUDA execution provider could not be loaded: ".Length + 5);
        Assert.DoesNotContain('\n', failure.Message);
        Assert.Equal(ExecutionProvider.Cuda, failure.Provider);
    }

    [Fact]
    public void Constructor_Auto_RunsAndLogsOneLineOnlyIfFallingBack()
    {
        var log = new List<string>();
        var model = TestModels.SuperResolutionBytes(Weights, TestModels.Card(2));

        using var session = new SrSession(model, "m.onnx", new SrSessionOptions { ExecutionProvider = ExecutionProvider.Auto }, log.Add);

        foreach (var line in log)
        {
            output.WriteLine(line);
        }

        if (session.ExecutionProvider == ExecutionProvider.Cpu)
        {
            var line = Assert.Single(log);
            Assert.StartsWith("CUDA unavailable (", line);
            Assert.EndsWith("); running on CPU", line);
            Assert.DoesNotContain('\n', line);
        }
        else
        {
            Assert.Equal(ExecutionProvider.Cuda, session.ExecutionProvider);
            Assert.Empty(log);
        }

        AssertRunsCorrectly(session);
    }

    [Fact]
    public void Constructor_Cpu_RunsOnCpuWithoutLogging()
    {
        var log = new List<string>();

        using var session = new SrSession(
            TestModels.SuperResolutionBytes(Weights), "m.onnx", new SrSessionOptions { ExecutionProvider = ExecutionProvider.Cpu }, log.Add);

        Assert.Equal(ExecutionProvider.Cpu, session.ExecutionProvider);
        Assert.Empty(log);
        AssertRunsCorrectly(session);
    }

    [Fact]
    public void Constructor_SpinningOffAndTwoThreads_RunsAndReportsThreads()
    {
        var options = new SrSessionOptions { ExecutionProvider = ExecutionProvider.Cpu, AllowSpinning = false, IntraOpThreads = 2 };

        using var session = new SrSession(TestModels.SuperResolutionBytes(Weights), "m.onnx", options);

        Assert.Equal(2, session.IntraOpThreads);
        AssertRunsCorrectly(session);
    }

    private static void AssertRunsCorrectly(SrSession session)
    {
        const int height = 5, width = 6;
        var lr = TinySrReference.RandomFrame(height, width, seed: 3);
        var sr = new float[session.OutputLength(height, width)];

        session.Run(lr, height, width, sr);

        Assert.InRange(TinySrReference.MaxAbsDifference(sr, TinySrReference.Run(Weights, lr, height, width)), 0, 1e-5);
    }
}
