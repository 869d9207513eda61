using System.Diagnostics;
using RealtimeSR.Trainer.Data;
using RealtimeSR.Trainer.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Training;

/// <summary>
/// A training run around an <see cref="ITrainingMethod"/> (MSE for SRResNet and the compact nets, SRGAN): random
/// crops made on loader threads, the learning-rate schedule, validation, logs and checkpoints as it goes, exact
/// resume from <c>ckpt.pt</c>, and a clean stop on Ctrl-C or at the time limit.
/// </summary>
internal sealed class TrainingRun
{
    private readonly TrainOptions _options;
    private readonly string _folder;
    private readonly Device _device;
    private readonly Stopwatch _session = new();

    public TrainingRun(TrainOptions options, string folder, Device device)
    {
        _options = options;
        _folder = Directory.CreateDirectory(folder).FullName;
        _device = device;
    }

    public string CheckpointPath => Path.Combine(_folder, Checkpoint.FileName);

    /// <summary>Trains until MaxSteps, MaxMinutes or <paramref name="stop"/>; returns the last checkpoint's state.</summary>
    public CheckpointState Run(bool resume, CancellationToken stop)
    {
        _session.Restart();
        manual_seed(_options.Seed);
        using ITrainingMethod method = TrainingMethods.Create(_options, _device, resume, TrainingLog.Line);
        SrNetwork network = method.Network;

        long step = 0;
        double previousSeconds = 0;
        if (resume)
        {
            CheckpointState restored = method.Restore(CheckpointPath);
            step = restored.Step;
            previousSeconds = restored.TrainingSeconds;
            TrainingLog.Line($"resumed {CheckpointPath} at step {step}");
        }
        else if (_options.InitialWeights is not null)
        {
            TrainingLog.Line(WeightTransfer.Apply(network, _options.InitialWeights));
        }

        File.WriteAllText(Path.Combine(_folder, "config.json"), _options.ToJson());
        TrainingImageSet images = LoadImages();
        var sampler = new CropSampler(images, _options.CropSize, _options.Network.Scale, _options.Seed, _options.Degradations);
        ValidationSet? validation = _options.ValidationFolder is null ? null : new ValidationSet(_options.ValidationFolder);
        TrainingLog.Line($"{_options.Method}: {network.ParameterCount:N0} parameters, {images.Images.Count} training pictures, " +
                         $"batch {_options.BatchSize} of {_options.CropSize}px crops, steps {step}→{_options.MaxSteps}");

        using var loader = new BatchLoader(sampler, _options.BatchSize, step, _options.LoaderWorkers);
        using var log = new TrainingLog(_folder, _options, step);
        Stopwatch session = _session;
        double sessionStart = session.Elapsed.TotalSeconds;
        double? lastPsnr = null;
        long firstStepOfSession = step;

        CheckpointState Save()
        {
            var state = new CheckpointState
            {
                Options = _options,
                Step = step,
                TrainingSeconds = previousSeconds + session.Elapsed.TotalSeconds - sessionStart,
                ValidationPsnr = lastPsnr,
                ValidationSet = validation?.Name,
                TorchRngState = Checkpoint.CaptureRng(),
            };
            method.Save(CheckpointPath, state);
            return state;
        }

        while (step < _options.MaxSteps && !stop.IsCancellationRequested && !OutOfTime(session))
        {
            TrainingBatch batch = loader.Next();
            double learningRate = LearningRate.At(_options.Schedule, _options.LearningRate, step, _options.MaxSteps);
            StepLosses losses = method.Step(batch, learningRate);
            double loss = losses.Main;
            step++;

            double seconds = session.Elapsed.TotalSeconds - sessionStart;
            double perStep = seconds / (step - firstStepOfSession);
            log.Step(step, losses, learningRate, previousSeconds + seconds, TimeSpan.FromSeconds(perStep * (_options.MaxSteps - step)));
            if (!double.IsFinite(loss))
            {
                throw new TrainingDivergedException(step, loss);
            }

            if (step % _options.ValidateEvery == 0)
            {
                // What the network is given, for a person to look at; with --degrade it shows the degradations.
                log.Picture("train/batch_lr_over_hr", BatchPreview.Of(batch, 8), step);
                if (validation is not null)
                {
                    lastPsnr = Validate(validation, network, log, step, previousSeconds + seconds);
                }
            }

            if (step % _options.CheckpointEvery == 0)
            {
                Save();
            }
        }

        if (validation is not null && step % _options.ValidateEvery != 0 && step > firstStepOfSession)
        {
            lastPsnr = Validate(validation, network, log, step, previousSeconds + session.Elapsed.TotalSeconds - sessionStart);
        }

        CheckpointState final = Save();
        TrainingLog.Line($"data wait {loader.WaitTime.TotalSeconds:F1} s of {session.Elapsed.TotalSeconds:F1} s this session");
        return final;
    }

    private double Validate(ValidationSet validation, SrNetwork network, TrainingLog log, long step, double seconds)
    {
        var (result, sample) = validation.Run(network, _device);
        log.Validation(step, validation.Name, result.Psnr, result.Ssim, sample, seconds);
        return result.Psnr;
    }

    private TrainingImageSet LoadImages()
    {
        IReadOnlyList<string> files = TrainingImageSet.FindFiles(_options.TrainFolders);
        TrainingImageSet images = TrainingImageSet.Load(files, Math.Max(_options.MinImageSize, _options.RegionSize));
        if (images.TooSmall > 0 || images.Unreadable.Count > 0)
        {
            TrainingLog.Line($"left out {images.TooSmall} pictures smaller than {Math.Max(_options.MinImageSize, _options.RegionSize)} px " +
                             $"and {images.Unreadable.Count} unreadable files");
            foreach (string problem in images.Unreadable.Take(5))
            {
                TrainingLog.Line($"  unreadable: {problem}");
            }
        }

        return images;
    }

    private bool OutOfTime(Stopwatch session) =>
        _options.MaxMinutes > 0 && session.Elapsed.TotalMinutes >= _options.MaxMinutes;
}
