using System.Diagnostics;
using RealtimeSR.Shared.Imaging;
using RealtimeSR.Trainer.Data;
using RealtimeSR.Trainer.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Training;

/// <summary>
/// <c>train --bench</c>: times a few steps of a configuration and splits each into data, forward, backward and
/// optimizer time (medians), so a slow run can be blamed on the right part, and saves a picture of the last batch
/// (<see cref="BatchPreview"/>) so the degradations can be looked at before hours go into them.
/// </summary>
internal static class TrainingBenchmark
{
    private const int WarmupSteps = 3;
    private const int MeasuredSteps = 12;

    public static void Run(TrainOptions options, Device device, string previewPath)
    {
        manual_seed(options.Seed);
        using SrNetwork network = ArchitectureRegistry.Create(options.Network);
        network.to(device);
        network.train();
        using var optimizer = new AdamOptimizer(network.parameters(), options.LearningRate);
        TrainingImageSet images = TrainingImageSet.Load(TrainingImageSet.FindFiles(options.TrainFolders), options.RegionSize);
        var sampler = new CropSampler(images, options.CropSize, options.Network.Scale, options.Seed, options.Degradations);

        var data = new List<double>();
        var forward = new List<double>();
        var backward = new List<double>();
        var update = new List<double>();
        TrainingBatch? last = null;
        for (int step = 0; step < WarmupSteps + MeasuredSteps; step++)
        {
            long t0 = Stopwatch.GetTimestamp();
            TrainingBatch batch = sampler.Batch(step, options.BatchSize);
            last = batch;
            using var scope = NewDisposeScope();
            Tensor lr = tensor(batch.Lr, [batch.Count, 3, batch.LrSize, batch.LrSize]).to(device);
            Tensor hr = tensor(batch.Hr, [batch.Count, 3, batch.HrSize, batch.HrSize]).to(device);
            long t1 = Stopwatch.GetTimestamp();
            optimizer.ZeroGrad();
            Tensor loss = network.TrainingLoss(network.forward(lr), hr);
            loss.item<float>(); // a sync point, so forward time is not pushed into backward on CUDA
            long t2 = Stopwatch.GetTimestamp();
            loss.backward();
            long t3 = Stopwatch.GetTimestamp();
            optimizer.Step();
            long t4 = Stopwatch.GetTimestamp();
            if (step >= WarmupSteps)
            {
                data.Add(Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds);
                forward.Add(Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds);
                backward.Add(Stopwatch.GetElapsedTime(t2, t3).TotalMilliseconds);
                update.Add(Stopwatch.GetElapsedTime(t3, t4).TotalMilliseconds);
            }
        }

        double total = Median(forward) + Median(backward) + Median(update);
        Console.WriteLine($"{options.Method} x{options.Network.Scale}: {network.ParameterCount:N0} parameters, batch {options.BatchSize} " +
                          $"of {options.CropSize}px crops, {get_num_threads()} threads, {device.type}");
        Console.WriteLine($"median ms per step: forward {Median(forward):F1}, backward {Median(backward):F1}, optimizer {Median(update):F1}, " +
                          $"data {Median(data):F1} (made on loader threads during training, so not on the critical path)");
        Console.WriteLine($"{options.BatchSize * 1000 / total:F2} samples/s ({MeasuredSteps} steps after {WarmupSteps} warm-up); " +
                          $"one loader thread makes {options.BatchSize * 1000 / Median(data):F2} samples/s");
        Directory.CreateDirectory(Path.GetDirectoryName(previewPath)!);
        ImageFile.Save(BatchPreview.Of(last!, 8), previewPath);
        Console.WriteLine($"the last batch's first pairs (LR over HR): {previewPath}");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
