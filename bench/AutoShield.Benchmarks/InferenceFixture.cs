using AutoShield.Core.Windows;
using AutoShield.Detection.Features;
using AutoShield.Detection.Models;
using AutoShield.Detection.Networks;
using AutoShield.Detection.Training;

namespace AutoShield.Benchmarks;

/// <summary>Seeded untrained models and raw windows for the inference benchmarks (speed does not depend on training).</summary>
internal static class InferenceFixture
{
    public static readonly string[] Classes = ["BENIGN", "PORT_SCAN", "SYN_FLOOD", "BRUTE_FORCE", "LATERAL_MOVEMENT", "DATA_EXFILTRATION"];

    /// <summary>Raw windows with heavy-tailed values; a third lack byte counts (NaN), as windows from Hubble do.</summary>
    public static float[] Windows(int count, int seed)
    {
        var random = new Random(seed);
        var windows = new float[count * WindowShape.Cells];
        for (var w = 0; w < count; w++)
        {
            var noBytes = random.Next(3) == 0;
            for (var i = 0; i < WindowShape.Cells; i++)
            {
                var feature = i % WindowShape.Features;
                windows[(w * WindowShape.Cells) + i] = feature switch
                {
                    (int)WindowFeature.BytesSent or (int)WindowFeature.BytesReceived when noBytes => float.NaN,
                    (int)WindowFeature.FailedRatio => random.NextSingle(),
                    _ => MathF.Exp(random.NextSingle() * 8f) - 1f,
                };
            }
        }

        return windows;
    }

    public static DetectionModel Model(ClassifierSpec spec, AutoencoderSpec? anomaly = null, int seed = 1)
    {
        var normalizer = FeatureNormalizer.Fit(Windows(256, seed), missingFlags: true);
        var network = spec.Build(normalizer.InputWidth, WindowShape.Rows, Classes.Length);
        var parameters = new float[network.ParameterCount];
        network.Initialize(parameters, new Random(seed));
        float[]? anomalyParameters = null;
        if (anomaly is not null)
        {
            var autoencoder = anomaly.Build(normalizer.InputSize);
            anomalyParameters = new float[autoencoder.ParameterCount];
            autoencoder.Initialize(anomalyParameters, new Random(seed + 1));
        }

        var manifest = new ModelManifest
        {
            Architecture = spec,
            Input = new ModelInput(WindowShape.Rows, [.. WindowShape.FeatureNames], normalizer.InputWidth),
            Classes = Classes,
            Normalization = normalizer.Normalization,
            Training = new TrainingSummary("untrained", 0, 0, 0, seed, 0, 0, 0, 0, 0, 0, ClassWeighting.None, []),
            Anomaly = anomaly is null ? null : new AnomalyManifest(anomaly, 1f, 0.99f, 0),
        };
        return new DetectionModel(manifest, parameters, anomalyParameters);
    }
}
