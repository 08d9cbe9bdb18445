using AutoShield.Core.Windows;
using AutoShield.Detection.Features;
using AutoShield.Detection.Models;

namespace AutoShield.Detection.Training;

/// <summary>
/// Trains a detector from labelled windows in memory: the classifier (mini-batch Adam, class weights, clipping,
/// early stopping on a stratified validation split) and, when asked, its calibrated benign margin; then the anomaly
/// autoencoder on benign windows with its threshold at a high quantile of benign validation errors (the largest over
/// the source groups, when the data has them). Single-threaded and seeded: the same data and options give
/// bit-identical weights on one machine.
/// </summary>
public sealed class DetectorTrainer
{
    // Source-balanced training repeats a small group's benign windows at most this often for the autoencoder.
    private const int MaxOversampling = 20;

    // A source group calibrates its own anomaly threshold only from this many benign validation windows on.
    private const int MinCalibrationWindows = 200;

    private readonly TrainingOptions _options;
    private readonly Action<TrainingProgress>? _progress;
    private readonly TimeProvider _time;

    public DetectorTrainer(TrainingOptions? options = null, Action<TrainingProgress>? progress = null, TimeProvider? time = null)
    {
        _options = options ?? new TrainingOptions();
        _options.Validate();
        _progress = progress;
        _time = time ?? TimeProvider.System;
    }

    /// <exception cref="ArgumentException">The data is inconsistent (see <see cref="TrainingData.Validate"/>).</exception>
    public TrainingResult Train(TrainingData data, CancellationToken cancellationToken = default)
    {
        data.Validate();
        var options = _options;
        var started = _time.GetTimestamp();
        var classes = data.ClassNames.Count;
        var seeds = new Random(options.Seed);
        var (train, validation) = DataSplit.Stratified(data.Labels, classes, options.ValidationFraction, new Random(seeds.Next()));
        var evaluation = validation.Length > 0 ? validation : train;
        var normalizer = FeatureNormalizer.Fit(Gather(data, train), options.MissingFlags);
        var network = options.Classifier.Build(normalizer.InputWidth, WindowShape.Rows, classes);
        var windowWeights = options.ClassWeighting == ClassWeighting.SourceBalanced && data.SourceGroups is not null
            ? SourceWeights.Compute(data.Labels, data.SourceGroups, train, classes)
            : null;
        var classWeights = windowWeights is null
            ? ClassWeights(data.Labels, train, classes, options.ClassWeighting)
            : SourceWeights.MeanByClass(data.Labels, train, windowWeights, classes);
        var batchSize = Math.Min(options.BatchSize, train.Length);

        var classifier = new ClassifierStage(data, normalizer, network, classWeights, batchSize, windowWeights);
        var optimizer = new NetworkOptimizer(network, new Random(seeds.Next()), batchSize, options);
        var loop = new EpochLoop(TrainingStage.Classifier, options.MaxEpochs, options.Patience, _progress, _time, started);
        var history = loop.Run(optimizer, train, normalizer.InputSize, classifier.Gather, classifier.Loss,
            () => classifier.Evaluate(optimizer, evaluation).Summary, higherScoreIsBetter: true,
            new Random(seeds.Next()), new Random(seeds.Next()), cancellationToken);
        var (summary, report) = classifier.Evaluate(optimizer, evaluation);

        var metrics = new Dictionary<string, double>
        {
            ["validation_accuracy"] = report.Accuracy,
            ["validation_macro_f1"] = report.MacroF1,
            ["validation_loss"] = summary.Loss,
        };
        for (var c = 0; c < classes; c++)
        {
            if (report.Support[c] > 0)
            {
                metrics["f1." + data.ClassNames[c]] = report.F1[c];
            }
        }

        var attackThreshold = CalibrateAttackThreshold(data, classifier, optimizer, validation, metrics);
        var anomalySeed = seeds.Next();
        var (anomaly, anomalyParameters) = TrainAnomaly(data, normalizer, train, validation, new Random(anomalySeed), started, history, metrics, cancellationToken);
        var bestEpoch = history.Where(e => e.Stage == TrainingStage.Classifier && e.Improved).Select(e => e.Epoch).DefaultIfEmpty(0).Max();
        var manifest = new ModelManifest
        {
            Architecture = options.Classifier,
            Input = new ModelInput(WindowShape.Rows, [.. WindowShape.FeatureNames], normalizer.InputWidth),
            Classes = [.. data.ClassNames],
            Normalization = normalizer.Normalization,
            Training = new TrainingSummary(
                data.Fingerprint(), data.Count, train.Length, validation.Length, options.Seed,
                history.Count(e => e.Stage == TrainingStage.Classifier), bestEpoch, batchSize, options.LearningRate,
                options.WeightDecay, options.MaxGradientNorm, options.ClassWeighting, classWeights),
            Metrics = metrics,
            Anomaly = anomaly,
            AttackThreshold = attackThreshold,
        };
        return new TrainingResult(new DetectionModel(manifest, optimizer.Parameters, anomalyParameters), history, report);
    }

    private (AnomalyManifest?, float[]?) TrainAnomaly(
        TrainingData data, FeatureNormalizer normalizer, int[] train, int[] validation, Random random, long started,
        List<EpochSummary> history, Dictionary<string, double> metrics, CancellationToken cancellationToken)
    {
        var options = _options;
        var benign = -1;
        for (var c = 0; c < data.ClassNames.Count; c++)
        {
            benign = string.Equals(data.ClassNames[c], options.BenignClass, StringComparison.OrdinalIgnoreCase) ? c : benign;
        }

        var benignTrain = train.Where(i => data.Labels[i] == benign).ToArray();
        if (options.Anomaly is null || benignTrain.Length == 0)
        {
            return (null, null);
        }

        var byGroup = data.SourceGroups;
        if (byGroup is not null && options.ClassWeighting == ClassWeighting.SourceBalanced)
        {
            benignTrain = SourceWeights.Oversample(benignTrain, byGroup, MaxOversampling);
        }

        var benignValidation = validation.Where(i => data.Labels[i] == benign).ToArray();
        var calibration = benignValidation.Length > 0 ? benignValidation : benignTrain;
        var autoencoder = options.Anomaly.Build(normalizer.InputSize);
        var stage = new AnomalyStage(data, normalizer);
        var optimizer = new NetworkOptimizer(autoencoder, new Random(random.Next()), Math.Min(options.BatchSize, benignTrain.Length), options);
        var loop = new EpochLoop(TrainingStage.Anomaly, options.AnomalyMaxEpochs, options.Patience, _progress, _time, started);
        history.AddRange(loop.Run(optimizer, benignTrain, normalizer.InputSize, stage.Gather, AnomalyStage.Loss,
            () =>
            {
                var error = stage.Scores(optimizer, calibration).Average();
                return (error, error);
            },
            higherScoreIsBetter: false,
            new Random(random.Next()), new Random(random.Next()), cancellationToken));

        var scores = stage.Scores(optimizer, calibration);
        var threshold = Quantile.Of(scores, options.AnomalyQuantile);
        if (byGroup is not null)
        {
            // The largest of the groups' quantiles: no group's benign traffic exceeds it more often than 1 − q.
            foreach (var group in calibration.Select(i => byGroup[i]).Distinct().Order())
            {
                var groupScores = scores.Where((_, k) => byGroup[calibration[k]] == group).ToArray();
                if (groupScores.Length >= MinCalibrationWindows)
                {
                    var groupThreshold = Quantile.Of(groupScores, options.AnomalyQuantile);
                    metrics[$"anomaly_threshold.group{group}"] = groupThreshold;
                    threshold = Math.Max(threshold, groupThreshold);
                }
            }
        }

        metrics["anomaly_benign_mean_error"] = scores.Average();
        metrics["anomaly_threshold"] = threshold;
        return (new AnomalyManifest(options.Anomaly, threshold, options.AnomalyQuantile, calibration.Length), optimizer.Parameters);
    }

    /// <summary>
    /// The (1 − target FPR) quantile of the benign validation windows' attack scores; with source groups the largest
    /// over the groups that have enough windows, so no source's benign traffic is flagged more often than the target.
    /// </summary>
    private float? CalibrateAttackThreshold(
        TrainingData data, ClassifierStage classifier, NetworkOptimizer optimizer, int[] validation, Dictionary<string, double> metrics)
    {
        var benign = BenignIndex(data);
        if (_options.BenignFalsePositiveRate is not { } fpr || benign < 0)
        {
            return null;
        }

        var windows = validation.Where(i => data.Labels[i] == benign).ToArray();
        if (windows.Length == 0)
        {
            return null;
        }

        var scores = classifier.AttackScores(optimizer, windows, benign);
        var quantile = 1f - fpr;
        var threshold = Quantile.Of(scores, quantile);
        if (data.SourceGroups is { } groups)
        {
            foreach (var group in windows.Select(i => groups[i]).Distinct().Order())
            {
                var groupScores = scores.Where((_, k) => groups[windows[k]] == group).ToArray();
                if (groupScores.Length >= MinCalibrationWindows)
                {
                    var groupThreshold = Quantile.Of(groupScores, quantile);
                    metrics[$"attack_threshold.group{group}"] = groupThreshold;
                    threshold = Math.Max(threshold, groupThreshold);
                }
            }
        }

        metrics["attack_threshold"] = threshold;
        return threshold;
    }

    private int BenignIndex(TrainingData data)
    {
        var benign = -1;
        for (var c = 0; c < data.ClassNames.Count; c++)
        {
            benign = string.Equals(data.ClassNames[c], _options.BenignClass, StringComparison.OrdinalIgnoreCase) ? c : benign;
        }

        return benign;
    }

    private static float[] Gather(TrainingData data, int[] indices)
    {
        var windows = new float[indices.Length * WindowShape.Cells];
        for (var i = 0; i < indices.Length; i++)
        {
            data.Window(indices[i]).CopyTo(windows.AsSpan(i * WindowShape.Cells));
        }

        return windows;
    }

    private static float[] ClassWeights(int[] labels, int[] train, int classes, ClassWeighting weighting)
    {
        var weights = new float[classes];
        Array.Fill(weights, 1f);
        if (weighting == ClassWeighting.None)
        {
            return weights;
        }

        var counts = new int[classes];
        foreach (var i in train)
        {
            counts[labels[i]]++;
        }

        var present = counts.Count(c => c > 0);
        for (var c = 0; c < classes; c++)
        {
            if (counts[c] > 0)
            {
                weights[c] = (float)train.Length / (present * counts[c]);
            }
        }

        return weights;
    }
}
