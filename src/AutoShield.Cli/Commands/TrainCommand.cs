using System.CommandLine;
using AutoShield.Cli.Infrastructure;
using AutoShield.Detection.Data;
using AutoShield.Detection.Networks;
using AutoShield.Detection.Training;

namespace AutoShield.Cli.Commands;

/// <summary><c>autoshield train</c>: trains a detector on recorded and simulated windows and writes the model directory.</summary>
public static class TrainCommand
{
    public static Command Build(CliContext context)
    {
        var data = new TrainDataOptions();
        var model = new Option<string>("--model") { Description = "Classifier: cnn-lstm or transformer.", DefaultValueFactory = _ => CnnLstmSpec.Kind };
        model.AcceptOnlyFromAmong(CnnLstmSpec.Kind, TransformerSpec.Kind);
        var outDir = new Option<string>("--out") { Description = "Model directory to write (model.json, weights.bin).", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Most classifier epochs (early stopping may end sooner).", DefaultValueFactory = _ => 30 };
        var anomalyEpochs = new Option<int>("--anomaly-epochs") { Description = "Most autoencoder epochs.", DefaultValueFactory = _ => 20 };
        var seed = new Option<int>("--seed") { Description = "Seed of initialisation, shuffling and dropout; the same data and seed give identical weights.", DefaultValueFactory = _ => 1 };
        var batch = new Option<int>("--batch-size") { DefaultValueFactory = _ => 64 };
        var width = new Option<int>("--width") { Description = "Hidden width (CNN channels and LSTM units, or Transformer model width).", DefaultValueFactory = _ => 32 };
        var balanceSources = new Option<bool>("--balance-sources")
        {
            Description = "Give recorded files and simulator runs an equal share of the loss, classes balanced within each (default: classes balanced over all windows).",
        };
        var benignFpr = new Option<double?>("--calibrate-benign-fpr")
        {
            Description = "Calibrate a benign margin on the benign validation windows (per source) so at most this share is flagged, e.g. 0.005; stored in model.json.",
        };
        var output = CommonOptions.Output();
        var command = new Command("train", "Train a detector (CNN-LSTM or Transformer plus the anomaly autoencoder) on windows of recorded flows and simulator runs.")
        {
            model, outDir, epochs, anomalyEpochs, seed, batch, width, balanceSources, benignFpr, output,
        };
        foreach (var option in data.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var sources = data.Sources(parse, context, "train");
            if (sources is null)
            {
                return ExitCodes.Usage;
            }

            var hidden = parse.GetValue(width);
            ClassifierSpec spec = parse.GetValue(model) == TransformerSpec.Kind
                ? new TransformerSpec(ModelWidth: hidden, FeedForwardWidth: hidden * 2)
                : new CnnLstmSpec(ConvChannels: hidden, HiddenSize: hidden);
            var options = new TrainingOptions
            {
                Classifier = spec,
                MaxEpochs = parse.GetValue(epochs),
                AnomalyMaxEpochs = parse.GetValue(anomalyEpochs),
                Seed = parse.GetValue(seed),
                BatchSize = parse.GetValue(batch),
                BenignFalsePositiveRate = (float?)parse.GetValue(benignFpr),
                ClassWeighting = parse.GetValue(balanceSources) ? ClassWeighting.SourceBalanced : ClassWeighting.Balanced,
            };
            return Execute(context, sources, parse.GetValue(data.Split), parse.GetValue(data.TestFraction), options, parse.GetValue(outDir)!, parse.GetValue(output));
        });
        return command;
    }

    public static int Execute(
        CliContext context, IReadOnlyList<DataSource> sources, SplitMode split, double testFraction, TrainingOptions options, string outDir, OutputFormat output)
    {
        if (testFraction is <= 0 or >= 1)
        {
            context.Error.WriteLine("autoshield train: --test-fraction must lie between 0 and 1");
            return ExitCodes.Usage;
        }

        try
        {
            // Validates the options before any data is read.
            _ = new DetectorTrainer(options);
        }
        catch (ArgumentException ex)
        {
            context.Error.WriteLine($"autoshield train: {ex.Message}");
            return ExitCodes.Usage;
        }

        var dataset = TrainDataOptions.Load(context, sources, "train");
        if (dataset is null)
        {
            return ExitCodes.Failure;
        }

        var sides = TrainDataOptions.SplitWindows(dataset, split, testFraction, simulatedOnTestSide: false);
        var training = dataset.ToTrainingData(sides.Train);

        // The same windows ToTrainingData keeps, in its order: 0 for recorded files, 1 for simulator runs.
        training = training with
        {
            SourceGroups = [.. sides.Train.Where(i => dataset.Classes[i] is not null).Select(i => dataset.Sources[dataset.SourceIndex[i]].IsSimulated ? 1 : 0)],
        };
        TrainingResult result;
        try
        {
            training.Validate();
            result = ProgressReporter.Run(
                context,
                [("train classifier", options.MaxEpochs), ("train anomaly detector", options.AnomalyMaxEpochs)],
                progress => new DetectorTrainer(options, p => progress(
                    p.Stage == TrainingStage.Classifier ? 0 : 1,
                    p.Epoch - 1 + ((double)p.Batch / Math.Max(1, p.Batches)))).Train(training));
        }
        catch (ArgumentException ex)
        {
            context.Error.WriteLine($"autoshield train: {ex.Message}");
            return ExitCodes.Failure;
        }

        Directory.CreateDirectory(outDir);
        result.Model.Save(outDir);
        var manifest = result.Model.Manifest;
        var summary = new TrainSummary(
            outDir, manifest.Architecture switch { TransformerSpec => TransformerSpec.Kind, _ => CnnLstmSpec.Kind }, [.. sources.Select(s => s.Name)],
            split, dataset.Count, training.Count, sides.Test.Length, sides.Purged, manifest.Classes,
            manifest.Classes.Select((c, i) => (c, n: training.Labels.Count(l => l == i))).ToDictionary(p => p.c, p => p.n),
            manifest.Training.DataSha256, manifest.Training.Epochs, manifest.Training.BestEpoch, result.Validation.MacroF1, result.Validation.Accuracy,
            manifest.Anomaly?.Threshold);
        if (output == OutputFormat.Json)
        {
            CliJson.Write(context.Out, summary);
        }
        else
        {
            context.Out.WriteLine($"trained {summary.Architecture} on {summary.TrainingWindows:N0} windows ({string.Join(", ", summary.WindowsByClass.Select(kv => $"{kv.Key} {kv.Value:N0}"))}) -> {outDir}");
            context.Out.WriteLine($"  {summary.Epochs} epochs (best {summary.BestEpoch}), validation macro-F1 {summary.ValidationMacroF1:0.0000}, accuracy {summary.ValidationAccuracy:0.0000}");
            context.Out.WriteLine($"  training data fingerprint {summary.DataFingerprint}");
        }

        return ExitCodes.Ok;
    }
}
