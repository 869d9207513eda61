using RealtimeSR.Trainer.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Training;

/// <summary>
/// Starts a new run from another run's weights (<c>train --init-from</c>): every tensor whose name and shape match
/// is copied, the rest keeps its fresh initialisation. A real-time net made deeper than the checkpoint gets its
/// extra 3×3 layers as identities (Dirac kernel, zero bias): they follow a ReLU, so ReLU(identity) changes nothing
/// and the new run starts from exactly the checkpoint's output, with room to improve on it (Net2DeeperNet).
/// </summary>
internal static class WeightTransfer
{
    /// <param name="network">The new run's network.</param>
    /// <param name="checkpoint">A run's <c>ckpt.pt</c>, or an ONNX model this tool exported (<see cref="OnnxWeightImport"/>).</param>
    /// <returns>One line saying what was copied, for the training log.</returns>
    public static string Apply(SrNetwork network, string checkpoint)
    {
        if (OnnxWeightImport.IsOnnx(checkpoint))
        {
            return OnnxWeightImport.Apply(network, checkpoint);
        }

        var (source, state) = Checkpoint.LoadNetwork(checkpoint);
        using (source)
        {
            NetworkOptions from = state.Options.Network;
            NetworkOptions to = network.Options;
            if (from.Architecture != to.Architecture || from.Scale != to.Scale)
            {
                throw new CheckpointException(checkpoint,
                    $"holds {Checkpoint.Describe(from)}; --init-from needs the same architecture and scale as {Checkpoint.Describe(to)}");
            }

            Dictionary<string, Tensor> saved = source.state_dict();
            var untouched = new HashSet<string>();
            int copied = 0;
            using (no_grad())
            {
                foreach (var (name, target) in network.state_dict())
                {
                    if (saved.TryGetValue(name, out Tensor? value) && value.shape.SequenceEqual(target.shape))
                    {
                        target.copy_(value);
                        copied++;
                    }
                    else
                    {
                        untouched.Add(name);
                    }
                }

                if (copied == 0)
                {
                    throw new CheckpointException(checkpoint, $"no weights fit {Checkpoint.Describe(to)}");
                }

                int identities = StartNewLayersAsIdentity(network, untouched);
                return $"initialised from {checkpoint} (step {state.Step}): {copied} tensors copied, " +
                       $"{identities} new layers start as identity, {untouched.Count - 2 * identities} tensors freshly initialised";
            }
        }
    }

    private static int StartNewLayersAsIdentity(SrNetwork network, HashSet<string> untouched)
    {
        if (network is not LumaNetwork { Core: RealtimeCore core })
        {
            return 0;
        }

        var body = core.Body.ToHashSet();
        int count = 0;
        foreach (var (name, module) in network.named_modules())
        {
            if (module is Conv2d conv && body.Contains(conv) && conv.weight!.shape[0] == conv.weight.shape[1]
                && untouched.Contains($"{name}.weight") && untouched.Contains($"{name}.bias"))
            {
                nn.init.dirac_(conv.weight);
                conv.bias!.zero_();
                count++;
            }
        }

        return count;
    }
}
