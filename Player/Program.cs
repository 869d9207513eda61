namespace RealtimeSR.Player;

internal static class Program
{
    private static int Main(string[] args)
    {
        Console.WriteLine("RealtimeSR.Player");
        return 0;
    }
}
