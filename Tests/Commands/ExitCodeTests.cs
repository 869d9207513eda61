using RealtimeSR.Shared.Commands;
using RealtimeSR.Shared.Imaging;
using RealtimeSR.Tests.Imaging;
using RealtimeSR.Tests.Player.Commands;
using RealtimeSR.Tests.Trainer.Commands;
using RealtimeSR.Tests.Video;

namespace RealtimeSR.Tests.Commands;

/// <summary>
/// The README's exit codes, verb by verb, for each kind of bad input: a missing file, a corrupt picture, a corrupt
/// video, a file that is not a model, and an output that cannot be written. Each ends with one "error:" line.
/// </summary>
public sealed class ExitCodeTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _picture;
    private readonly string _clip;
    private readonly string _model;
    private readonly string _corruptPicture;
    private readonly string _corruptClip;
    private readonly string _notAModel;
    private readonly string _unwritable;

    public ExitCodeTests()
    {
        _picture = _temp.File("picture.png");
        ImageFile.Save(TestImages.Pattern(24, 16, seed: 1), _picture);
        _clip = TestClips.Make(_temp.File("clip.mp4"), frames: 4);
        _model = TinyModelFile.Write(_temp.Path);
        _corruptPicture = _temp.File("corrupt.png");
        File.WriteAllBytes(_corruptPicture, [.. File.ReadAllBytes(_picture).Take(40)]);
        _corruptClip = _temp.File("corrupt.mp4");
        File.WriteAllBytes(_corruptClip, Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251)).ToArray());
        _notAModel = _temp.File("not-a-model.onnx");
        File.WriteAllText(_notAModel, "this is not an ONNX model");
        string aFile = _temp.File("a-file");
        File.WriteAllText(aFile, "a file, not a folder");
        _unwritable = Path.Combine(aFile, "out"); // a path below a regular file cannot be created, even by root
    }

    public static TheoryData<string, string> Cases() => new()
    {
        { "upscale", "missing picture" }, { "upscale", "corrupt picture" }, { "upscale", "corrupt video" },
        { "upscale", "not a model" }, { "upscale", "unwritable picture output" }, { "upscale", "unwritable video output" },
        { "bench", "missing video" }, { "bench", "corrupt video" }, { "bench", "not a model" },
        { "play", "missing video" }, { "play", "corrupt video" }, { "play", "not a model" },
        { "eval", "corrupt picture" }, { "eval", "not a model" }, { "eval", "missing model" },
        { "test", "missing picture" }, { "test", "corrupt picture" }, { "test", "not a model" }, { "test", "unwritable picture output" },
        { "export", "missing checkpoint" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Verb_BadInput_EndsWithOneErrorLineAndTheReadmeExitCode(string verb, string input)
    {
        var (args, expected) = Case(verb, input);

        ToolResult result = verb is "upscale" or "bench" or "play" ? PlayerProcess.Run(args) : TrainerProcess.Run(args);

        Assert.True(result.ExitCode == expected, $"{verb} with {input}: exit {result.ExitCode}, expected {expected}; stderr: {result.Error}");
        Assert.Single(result.FailureLines);
    }

    public void Dispose() => _temp.Dispose();

    private (string[] Args, int ExitCode) Case(string verb, string input)
    {
        string missingPicture = _temp.File("missing.png"), missingClip = _temp.File("missing.mp4");
        string hr = _temp.Folder("hr-" + input.Replace(' ', '-'));
        File.Copy(input == "corrupt picture" ? _corruptPicture : _picture, Path.Combine(hr, "a.png"));
        return (verb, input) switch
        {
            ("upscale", "missing picture") => (["upscale", missingPicture, "-o", _temp.File("o1.png"), "--model", _model], ExitCodes.BadInput),
            ("upscale", "corrupt picture") => (["upscale", _corruptPicture, "-o", _temp.File("o2.png"), "--model", _model], ExitCodes.BadInput),
            ("upscale", "corrupt video") => (["upscale", _corruptClip, "-o", _temp.File("o3.mp4"), "--model", _model], ExitCodes.BadInput),
            ("upscale", "not a model") => (["upscale", _picture, "-o", _temp.File("o4.png"), "--model", _notAModel], ExitCodes.BadModel),
            ("upscale", "unwritable picture output") => (["upscale", _picture, "-o", Path.Combine(_unwritable, "o.png"), "--model", _model], ExitCodes.WriteFailed),
            ("upscale", "unwritable video output") => (["upscale", _clip, "-o", Path.Combine(_unwritable, "o.mp4"), "--model", _model], ExitCodes.WriteFailed),
            ("bench", "missing video") => (["bench", missingClip, "--model", _model], ExitCodes.BadInput),
            ("bench", "corrupt video") => (["bench", _corruptClip, "--model", _model], ExitCodes.BadInput),
            ("bench", "not a model") => (["bench", _clip, "--model", _notAModel], ExitCodes.BadModel),
            ("play", "missing video") => (["play", missingClip, "--model", _model, "--headless"], ExitCodes.BadInput),
            ("play", "corrupt video") => (["play", _corruptClip, "--model", _model, "--headless"], ExitCodes.BadInput),
            ("play", "not a model") => (["play", _clip, "--model", _notAModel, "--headless"], ExitCodes.BadModel),
            ("eval", "corrupt picture") => (["eval", "--model", "bicubic", "--hr", hr, "--scale", "2"], ExitCodes.BadInput),
            ("eval", "not a model") => (["eval", "--model", _notAModel, "--hr", hr, "--scale", "2"], ExitCodes.BadModel),
            ("eval", "missing model") => (["eval", "--model", _temp.File("missing.onnx"), "--hr", hr, "--scale", "2"], ExitCodes.BadModel),
            ("test", "missing picture") => (["test", "--model", _model, "--image", missingPicture, "-o", _temp.File("t1.png")], ExitCodes.BadInput),
            ("test", "corrupt picture") => (["test", "--model", _model, "--image", _corruptPicture, "-o", _temp.File("t2.png")], ExitCodes.BadInput),
            ("test", "not a model") => (["test", "--model", _notAModel, "--image", _picture, "-o", _temp.File("t3.png")], ExitCodes.BadModel),
            ("test", "unwritable picture output") => (["test", "--model", _model, "--image", _picture, "-o", Path.Combine(_unwritable, "t.png")], ExitCodes.WriteFailed),
            ("export", "missing checkpoint") => (["export", _temp.File("missing.pt"), "-o", _temp.File("e.onnx")], ExitCodes.BadModel),
            _ => throw new ArgumentException($"no case {verb} / {input}"),
        };
    }
}
