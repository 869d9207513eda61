using System.CommandLine;
using RealtimeSR.Shared.Imaging;
using RealtimeSR.Trainer.Data;

namespace RealtimeSR.Trainer.Commands;

/// <summary>
/// <c>prepare</c>: the tutorial's create_data_lists. Writes JSON lists of the usable pictures (decodable, at least
/// <c>--min-size</c> on both sides) of the training folders and of each test folder, and says what it left out.
/// </summary>
internal static class PrepareCommand
{
    private static readonly Option<string[]> TrainOption = new("--train") { Description = "folders of training pictures (searched recursively)", Required = true };
    private static readonly Option<string[]> TestOption = new("--test") { Description = "folders of test pictures, one list each" };
    private static readonly Option<int> MinSizeOption = new("--min-size") { Description = "leave out pictures smaller than this on either side", DefaultValueFactory = _ => 100 };
    private static readonly Option<string> OutputOption = new("--output", "-o") { Description = "folder for train_images.json and NAME_test_images.json", Required = true };

    public static Command Create()
    {
        var command = new Command("prepare", "List the usable training and test pictures as JSON (like create_data_lists)")
        {
            TrainOption, TestOption, MinSizeOption, OutputOption,
        };
        command.SetAction(result => CommandExecution.Run(() => Execute(result)));
        return command;
    }

    private static int Execute(ParseResult result)
    {
        int minSize = result.GetValue(MinSizeOption);
        string output = Directory.CreateDirectory(result.GetValue(OutputOption)!).FullName;

        var train = Survey(TrainingImageSet.FindFiles(result.GetValue(TrainOption)!.Select(Path.GetFullPath)), minSize);
        ImageList.Write(Path.Combine(output, "train_images.json"), train.Usable);
        Report("train", train, minSize);

        foreach (string folder in result.GetValue(TestOption) ?? [])
        {
            string full = Path.GetFullPath(folder);
            var test = Survey(TrainingImageSet.FindFiles([full]), minSize);
            string name = new DirectoryInfo(full).Name;
            ImageList.Write(Path.Combine(output, $"{name}_test_images.json"), test.Usable);
            Report(name, test, minSize);
        }

        Console.WriteLine($"lists written to {output}");
        return train.Usable.Count > 0 ? ExitCodes.Success : ExitCodes.BadInput;
    }

    private static (List<string> Usable, int TooSmall, List<string> Unreadable) Survey(IEnumerable<string> files, int minSize)
    {
        var usable = new List<string>();
        var unreadable = new List<string>();
        int tooSmall = 0;
        foreach (string file in files)
        {
            try
            {
                Image image = ImageFile.Load(file);
                if (image.Width < minSize || image.Height < minSize)
                {
                    tooSmall++;
                    continue;
                }

                usable.Add(file);
            }
            catch (ImageFileException e)
            {
                unreadable.Add(e.Message);
            }
        }

        return (usable, tooSmall, unreadable);
    }

    private static void Report(string name, (List<string> Usable, int TooSmall, List<string> Unreadable) survey, int minSize)
    {
        Console.WriteLine($"{name}: {survey.Usable.Count} usable, {survey.TooSmall} smaller than {minSize} px, {survey.Unreadable.Count} unreadable");
        foreach (string problem in survey.Unreadable)
        {
            Console.Error.WriteLine($"skipped: {problem}");
        }
    }
}
