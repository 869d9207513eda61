using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using RealtimeSR.Shared.IO;
using RealtimeSR.Trainer.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace RealtimeSR.Trainer.Training;

/// <summary>
/// One file holding a run: a JSON header (<see cref="CheckpointState"/>: the full options, step, time, RNG), the
/// network's weights, the optimizer state, and for SRGAN the discriminator and its optimizer. Written under a
/// temporary name and renamed, so a crash mid-write leaves the previous checkpoint intact.
/// </summary>
internal static class Checkpoint
{
    public const string FileName = "ckpt.pt";
    private const string Magic = "RTSRCKPT";
    private const int FormatVersion = 2; // 2: the project's own Adam state

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static void Save(
        string path, CheckpointState state, SrNetwork network, AdamOptimizer optimizer,
        nn.Module? discriminator = null, AdamOptimizer? discriminatorOptimizer = null)
    {
        AtomicFile.Write(path, temporary =>
        {
            using var stream = File.Create(temporary);
            using var writer = new BinaryWriter(stream, Encoding.UTF8);
            writer.Write(Encoding.ASCII.GetBytes(Magic));
            writer.Write(FormatVersion);
            writer.Write(JsonSerializer.Serialize(state, JsonOptions));
            network.save(writer);
            optimizer.Save(writer);
            writer.Write(discriminator is not null);
            if (discriminator is not null)
            {
                discriminator.save(writer);
                discriminatorOptimizer!.Save(writer);
            }
        });
    }

    /// <summary>Reads only the header: cheap, and enough to know the architecture and scale.</summary>
    public static CheckpointState ReadState(string path)
    {
        using var reader = Open(path);
        return ReadHeader(reader, path);
    }

    /// <summary>Builds the network a checkpoint describes and loads its weights (for eval, export, test).</summary>
    public static (SrNetwork Network, CheckpointState State) LoadNetwork(string path)
    {
        using var reader = Open(path);
        CheckpointState state = ReadHeader(reader, path);
        SrNetwork network = ArchitectureRegistry.Create(state.Options.Network);
        LoadModule(network, reader, path, "network weights");
        return (network, state);
    }

    /// <summary>Restores a run in place: the network, the optimizer and (for SRGAN) the discriminator pair.</summary>
    public static CheckpointState Restore(
        string path, SrNetwork network, AdamOptimizer optimizer,
        nn.Module? discriminator = null, AdamOptimizer? discriminatorOptimizer = null)
    {
        using var reader = Open(path);
        CheckpointState state = ReadHeader(reader, path);
        if (state.Options.Network != network.Options)
        {
            throw new CheckpointException(path,
                $"holds {Describe(state.Options.Network)}, not the {Describe(network.Options)} asked for");
        }

        LoadModule(network, reader, path, "network weights");
        LoadOptimizer(optimizer, reader, path);
        bool hasDiscriminator = reader.ReadBoolean();
        if (discriminator is not null)
        {
            if (!hasDiscriminator)
            {
                throw new CheckpointException(path, "has no discriminator: it is not an SRGAN checkpoint");
            }

            LoadModule(discriminator, reader, path, "discriminator weights");
            LoadOptimizer(discriminatorOptimizer!, reader, path);
        }

        if (state.TorchRngState is not null)
        {
            byte[] bytes = Convert.FromBase64String(state.TorchRngState);
            using Tensor rng = tensor(bytes, dtype: ScalarType.Byte);
            torch.set_rng_state(rng);
        }

        return state;
    }

    /// <summary>The current torch generator state as base64, for <see cref="CheckpointState.TorchRngState"/>.</summary>
    public static string CaptureRng()
    {
        using Tensor rng = torch.get_rng_state();
        return Convert.ToBase64String(rng.data<byte>().ToArray());
    }

    public static string Describe(NetworkOptions o) =>
        $"{o.Architecture} x{o.Scale} ({o.Channels} channels, {o.Blocks} blocks)";

    private static BinaryReader Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new CheckpointException(path, "checkpoint not found");
        }

        return new BinaryReader(File.OpenRead(path), Encoding.UTF8);
    }

    private static CheckpointState ReadHeader(BinaryReader reader, string path)
    {
        try
        {
            if (Encoding.ASCII.GetString(reader.ReadBytes(Magic.Length)) != Magic)
            {
                throw new CheckpointException(path, "not a RealtimeSR checkpoint");
            }

            int version = reader.ReadInt32();
            if (version != FormatVersion)
            {
                throw new CheckpointException(path, $"checkpoint format {version}; this build reads format {FormatVersion}");
            }

            return JsonSerializer.Deserialize<CheckpointState>(reader.ReadString(), JsonOptions)
                   ?? throw new CheckpointException(path, "empty checkpoint header");
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or JsonException or FormatException)
        {
            throw new CheckpointException(path, "not a RealtimeSR checkpoint (unreadable header)", e);
        }
    }

    private static void LoadOptimizer(AdamOptimizer optimizer, BinaryReader reader, string path)
    {
        try
        {
            optimizer.Load(reader);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or EndOfStreamException or IOException)
        {
            throw new CheckpointException(path, $"optimizer state does not fit the network ({e.Message.Split('\n')[0]})", e);
        }
    }

    private static void LoadModule(nn.Module module, BinaryReader reader, string path, string what)
    {
        try
        {
            module.load(reader, strict: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or EndOfStreamException or IOException)
        {
            throw new CheckpointException(path, $"{what} do not fit the network ({e.Message.Split('\n')[0]})", e);
        }
    }
}
