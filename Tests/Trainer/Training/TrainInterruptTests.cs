using System.Diagnostics;
using System.Runtime.InteropServices;
using RealtimeSR.Shared.Commands;
using RealtimeSR.Shared.Imaging;
using RealtimeSR.Tests.Imaging;
using RealtimeSR.Tests.Trainer.Commands;

namespace RealtimeSR.Tests.Trainer.Training;

public class TrainInterruptTests
{
    // SIGTERM rather than SIGINT: a test host started from a non-interactive shell in the background (as CI may
    // do) inherits SIGINT as ignored, and .NET leaves an ignored SIGINT ignored in the child. Ctrl-C and SIGTERM
    // share one handler in TrainCommand, so this exercises the same save-and-exit path.
    private const int SigTerm = 15;

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [SkippableFact]
    public void Train_SigtermMidRun_SavesCheckpointExitsInterruptedAndResumes()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "sends SIGTERM through libc kill(2)");
        using var temp = new TempFolder();
        string pictures = temp.Folder("pictures");
        ImageFile.Save(TestImages.Pattern(120, 104, seed: 1), Path.Combine(pictures, "p.png"));
        string run = temp.File("run");

        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string arg in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "RealtimeSR.Trainer.dll"), "train", "--arch", "espcn",
                     "--channels", "8", "--scale", "2", "--crop", "24", "--batch", "2", "--max-steps", "10000000",
                     "--log-every", "5", "--checkpoint-every", "1000000", "--no-val", "--threads", "1",
                     "--train", pictures, "-o", run,
                 })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        try
        {
            string log = Path.Combine(run, "log.csv");
            var clock = Stopwatch.StartNew();
            while (!(File.Exists(log) && File.ReadAllLines(log).Length > 3) && clock.Elapsed < Patience && !process.HasExited)
            {
                Thread.Sleep(100);
            }

            // stderr.Result waits for the process to end, so read it only once it has.
            if (process.HasExited)
            {
                Assert.Fail("training ended before it could be interrupted: " + stderr.Result);
            }
            Assert.Equal(0, Kill(process.Id, SigTerm));
            Assert.True(process.WaitForExit(Patience), "training did not stop after SIGTERM");
        }
        finally
        {
            // A failed assertion must not leave a 10-million-step run burning the cores.
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        Assert.True(process.ExitCode == ExitCodes.Interrupted, $"exit {process.ExitCode}: {stderr.Result}");
        Assert.Contains("--resume", stderr.Result);
        var resumed = TrainerProcess.Run("train", "--arch", "espcn", "-o", run, "--resume", "--max-steps", "1");
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Contains("resumed", resumed.Error);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
