using System.Diagnostics;
using RealtimeSR.Tests.Player.Commands;
using RealtimeSR.Tests.Player.Segments;
using RealtimeSR.Tests.Video;

namespace RealtimeSR.Tests.Deploy;

/// <summary>
/// deploy/slurm for real: a one-node Slurm cluster started on this machine (deploy/slurm/local-cluster: munged,
/// slurmctld and slurmd on loopback, installed from Debian's packages when missing), the array of segment tasks
/// and the dependent join submitted with deploy/slurm/submit, and the cluster stopped at the end.
/// </summary>
public class SlurmRecipeTests
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public void Submit_FourSegmentArrayAndJoinOnALocalCluster_SameFramesAndAudioAsOnePiece()
    {
        using var temp = new TempFolder();
        string clip = TestClips.Make(
            temp.File("in.mp4"), 160, 120, frames: 120, audio: true,
            codecArgs: "-c:v libx264 -preset ultrafast -pix_fmt yuv420p -g 12 -keyint_min 12 -sc_threshold 0");
        string output = temp.File("out.mkv");
        string[] options = ["--model", "bicubic", "--scale", "2", "--codec", "ffv1"];
        var one = PlayerProcess.Run(["upscale", clip, "-o", temp.File("one.mkv"), .. options]);
        Assert.True(one.ExitCode == 0, one.Error);

        string cluster = temp.Folder("cluster");
        var environment = new Dictionary<string, string> { ["RTSR"] = DeployFolder.WritePlayerCommand(temp.Path) };
        try
        {
            string started = Run(DeployFolder.Path("slurm", "local-cluster"), ["start", cluster], temp.Path, environment, TimeSpan.FromMinutes(5));
            environment["SLURM_CONF"] = Assert.Single(started.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("export SLURM_CONF=", StringComparison.Ordinal))["export SLURM_CONF=".Length..];

            string[] jobs = Run(DeployFolder.Path("slurm", "submit"), [clip, output, "4", .. options], temp.Path, environment, TimeSpan.FromMinutes(2))
                .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(2, jobs.Length);
            var waited = Stopwatch.StartNew();
            while (Run("squeue", ["-h", "-o", "%i"], temp.Path, environment, TimeSpan.FromSeconds(30)).Trim().Length > 0)
            {
                Assert.True(waited.Elapsed < JobTimeout, $"the jobs did not finish within {JobTimeout}:\n{Logs(temp.Path)}");
                Thread.Sleep(250);
            }

            string join = Run("scontrol", ["show", "job", jobs[1]], temp.Path, environment, TimeSpan.FromSeconds(30));
            Assert.True(join.Contains("JobState=COMPLETED", StringComparison.Ordinal), $"{join}\n{Logs(temp.Path)}");
            for (int task = 0; task < 4; task++)
            {
                string array = Run("scontrol", ["show", "job", $"{jobs[0]}_{task}"], temp.Path, environment, TimeSpan.FromSeconds(30));
                Assert.Contains("JobState=COMPLETED", array);
            }

            Assert.True(File.Exists(output), Logs(temp.Path));
            SegmentClips.AssertSameStreams(temp.File("one.mkv"), output, subtitles: false);
            Assert.False(Directory.Exists(output + ".parts"));
            Assert.Equal(4, Directory.GetFiles(temp.Path, "rtsr-segment-*.out").Length);
        }
        finally
        {
            Run(DeployFolder.Path("slurm", "local-cluster"), ["stop", cluster], temp.Path, environment, TimeSpan.FromMinutes(1));
        }
    }

    /// <summary>The jobs' own output files, for a failure's message.</summary>
    private static string Logs(string folder) =>
        string.Join('\n', Directory.GetFiles(folder, "rtsr-*.out").Order().Select(f => $"--- {Path.GetFileName(f)}\n{File.ReadAllText(f)}"));

    private static string Run(string tool, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout) =>
        ToolProcess.RunTool(tool, args, timeout, workingDirectory, environment);
}
