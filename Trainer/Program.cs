namespace RealtimeSR.Trainer;

internal static class Program
{
    private static int Main(string[] args)
    {
        Console.WriteLine("RealtimeSR.Trainer");
        return 0;
    }
}
