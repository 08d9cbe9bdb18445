using AutoShield.Core.Windows;
using AutoShield.Detection.Networks;
using AutoShield.Detection.Training;

namespace AutoShield.Cli.Tests;

/// <summary>A tiny detector trained once per test run (about a second) and saved to a temporary directory.</summary>
internal static class DetectTestModel
{
    private static readonly Lazy<string> Saved = new(Train);

    public static string Directory => Saved.Value;

    private static string Train()
    {
        var random = new Random(17);
        const int PerClass = 40;
        var windows = new float[2 * PerClass * WindowShape.Cells];
        var labels = new int[2 * PerClass];
        for (var i = 0; i < labels.Length; i++)
        {
            var scan = i % 2 == 1;
            labels[i] = scan ? 1 : 0;
            for (var r = 0; r < WindowShape.Rows; r++)
            {
                var row = windows.AsSpan((i * WindowShape.Cells) + (r * WindowShape.Features), WindowShape.Features);
                row[(int)WindowFeature.ConnectionRate] = scan ? 50 + (50 * random.NextSingle()) : random.NextSingle();
                row[(int)WindowFeature.BytesSent] = float.NaN;
                row[(int)WindowFeature.BytesReceived] = float.NaN;
                row[(int)WindowFeature.SynCount] = 1;
                row[(int)WindowFeature.AckCount] = scan ? 0 : 3;
                row[(int)WindowFeature.RstCount] = scan ? 1 : 0;
                row[(int)WindowFeature.FinCount] = scan ? 0 : 2;
                row[(int)WindowFeature.Duration] = scan ? 0.001f : random.NextSingle();
                row[(int)WindowFeature.InterArrival] = scan ? 0.01f : 1 + random.NextSingle();
                row[(int)WindowFeature.FailedRatio] = scan ? 1 : 0;
                row[(int)WindowFeature.DistinctPorts] = scan ? r + 1 : 1;
            }
        }

        var model = new DetectorTrainer(new TrainingOptions
        {
            Classifier = new CnnLstmSpec(ConvChannels: 8, HiddenSize: 8),
            Anomaly = new AutoencoderSpec(HiddenSize: 16, CodeSize: 4),
            MaxEpochs = 3,
            AnomalyMaxEpochs = 3,
            BatchSize = 16,
            Seed = 2,
        }).Train(new(windows, labels, ["BENIGN", "PORT_SCAN"])).Model;
        var directory = Path.Combine(System.IO.Directory.CreateTempSubdirectory("autoshield-detect-").FullName, "model");
        model.Save(directory);
        return directory;
    }
}
