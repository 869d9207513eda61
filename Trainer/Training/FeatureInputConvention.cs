namespace RealtimeSR.Trainer.Training;

/// <summary>How a pretrained classifier wants its pictures; the feature extractor converts RGB in [0, 1] to it.</summary>
internal enum FeatureInputConvention
{
    /// <summary>RGB, (x − ImageNet mean) / ImageNet std per channel (torchvision, most ONNX exports of it).</summary>
    ImageNet,

    /// <summary>BGR in [0, 255] minus the ImageNet mean in that range (Caffe and CNTK models, ML.NET's ResNet18).</summary>
    CaffeBgr,
}
