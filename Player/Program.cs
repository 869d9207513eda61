using System.CommandLine;
using RealtimeSR.Player.Commands;

namespace RealtimeSR.Player;

internal static class Program
{
    private static int Main(string[] args)
    {
        var root = new RootCommand("RealtimeSR player: live super-resolution playback, benchmarking and export")
        {
            PlayCommand.Create(),
            BenchCommand.Create(),
            UpscaleCommand.Create(),
        };
        return root.Parse(args).Invoke();
    }
}
