namespace RealtimeSR.Trainer.Models;

/// <summary>
/// Everything needed to build a network (BasicSR-style "network options"); saved into every checkpoint and
/// model card so a file can always be rebuilt. What <see cref="Channels"/> and <see cref="Blocks"/> mean is
/// up to each architecture (see <see cref="ArchitectureRegistry"/>).
/// </summary>
/// <param name="Architecture">Registry name: srresnet, srcnn, fsrcnn, espcn, realtime.</param>
/// <param name="Scale">Upscaling factor.</param>
/// <param name="Channels">Main feature width.</param>
/// <param name="Blocks">Depth: residual blocks (SRResNet), mapping layers (FSRCNN), 3×3 layers (realtime).</param>
/// <param name="ShrinkChannels">FSRCNN's shrunk width (s); unused elsewhere.</param>
/// <param name="Fold">Realtime nets: space-to-depth factor of the input (1 = layers at LR resolution); unused elsewhere.</param>
internal sealed record NetworkOptions(string Architecture, int Scale, int Channels, int Blocks, int ShrinkChannels = 12, int Fold = 1);
