using RealtimeSR.Tests.Player.Commands;
using RealtimeSR.Tests.Video;
using YamlDotNet.RepresentationModel;

namespace RealtimeSR.Tests.Deploy;

/// <summary>
/// deploy/kubernetes: no container runtime or cluster can be reached here, so the manifests' contract is checked
/// instead. The Indexed Job's command is run once per completion index with <c>JOB_COMPLETION_INDEX</c> set as
/// Kubernetes sets it, in a scrambled order and two at once, on a folder standing in for the shared volume; then
/// the join Job's command.
/// </summary>
public class KubernetesRecipeTests
{
    [Fact]
    public void IndexedJob_EveryIndexInAnyOrderTwoAtOnceThenJoinJob_GiveTheWholeVideo()
    {
        var upscale = Load("upscale-job.yaml");
        var join = Load("join-job.yaml");
        Assert.Equal("Indexed", Scalar(upscale, "spec", "completionMode"));
        int completions = int.Parse(Scalar(upscale, "spec", "completions"), System.Globalization.CultureInfo.InvariantCulture);
        var (args, mount) = Container(upscale);
        var (joinArgs, joinMount) = Container(join);
        Assert.Equal(completions.ToString(System.Globalization.CultureInfo.InvariantCulture), args[args.IndexOf("--segments") + 1]);
        Assert.Equal("--only", args[^1]);
        Assert.Equal("--join", joinArgs[^1]);
        Assert.Equal(args[..^1], joinArgs[..^1]); // the join is refused unless it has the segments' options
        Assert.Equal(mount, joinMount);

        using var temp = new TempFolder();
        string volume = temp.Folder("volume");
        string Local(string arg) => arg.StartsWith(mount + "/", StringComparison.Ordinal) ? Path.Combine(volume, arg[(mount.Length + 1)..]) : arg;
        string source = Local(args[1]), output = Local(args[args.IndexOf("-o") + 1]);
        TestClips.Make(
            source, 160, 120, frames: 12 * completions, audio: true,
            codecArgs: "-c:v libx264 -preset ultrafast -pix_fmt yuv420p -g 12 -keyint_min 12 -sc_threshold 0");

        int[] order = [.. Enumerable.Range(0, completions).OrderBy(i => (i * 5 + 3) % completions)];
        var results = new ToolResult[completions];
        Parallel.ForEach(order, new ParallelOptions { MaxDegreeOfParallelism = 2 }, index =>
            results[index] = PlayerProcess.RunWithEnvironment(
                new Dictionary<string, string> { ["JOB_COMPLETION_INDEX"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                [.. args.Select(Local)]));
        var joined = PlayerProcess.Run([.. joinArgs.Select(Local)]);

        for (int index = 0; index < completions; index++)
        {
            Assert.True(results[index].ExitCode == 0, $"index {index}: {results[index].Error}");
            Assert.Contains($"segment {index}: ", results[index].Error);
        }

        Assert.True(joined.ExitCode == 0, joined.Error);
        Assert.Contains($"joined {completions} segments", joined.Error);
        Assert.Equal(12 * completions, TestClips.CountFrames(output));
        Assert.Equal(TestClips.PacketTimestamps(source, "v"), TestClips.PacketTimestamps(output, "v"));
        Assert.Equal(TestClips.PacketHashes(source, "a"), TestClips.PacketHashes(output, "a"));
        Assert.False(Directory.Exists(output + ".parts"));
    }

    private static YamlMappingNode Load(string file)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(DeployFolder.Path("kubernetes", file));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlNode Node(YamlNode node, params string[] path) =>
        path.Aggregate(node, (n, key) => ((YamlMappingNode)n).Children[new YamlScalarNode(key)]);

    private static string Scalar(YamlNode node, params string[] path) => ((YamlScalarNode)Node(node, path)).Value!;

    /// <summary>The job's one container's arguments and where it mounts the work volume.</summary>
    private static (List<string> Args, string Mount) Container(YamlNode job)
    {
        var container = (YamlMappingNode)Assert.Single((YamlSequenceNode)Node(job, "spec", "template", "spec", "containers"));
        var args = ((YamlSequenceNode)Node(container, "args")).Select(a => ((YamlScalarNode)a).Value!).ToList();
        var mount = (YamlMappingNode)Assert.Single((YamlSequenceNode)Node(container, "volumeMounts"));
        Assert.Equal("work", Scalar(mount, "name"));
        var volume = (YamlMappingNode)Assert.Single((YamlSequenceNode)Node(job, "spec", "template", "spec", "volumes"));
        Assert.Equal("rtsr-work", Scalar(volume, "persistentVolumeClaim", "claimName"));
        return (args, Scalar(mount, "mountPath"));
    }
}
