using System.CommandLine;

namespace RealtimeSR.Player;

internal static class Program
{
    private static int Main(string[] args)
    {
        // The player's verbs (play, bench, upscale) arrive with their own issues; until then the executable
        // only describes itself, so that the solution and the entry point are in place.
        var root = new RootCommand("RealtimeSR player: live super-resolution playback, benchmarking and export");
        return root.Parse(args).Invoke();
    }
}
