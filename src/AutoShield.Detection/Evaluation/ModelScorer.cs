using AutoShield.Core.Detections;
using AutoShield.Detection.Data;
using AutoShield.Detection.Models;

namespace AutoShield.Detection.Evaluation;

/// <summary>
/// Scores windows one at a time with an <see cref="InferenceSession"/>, as the runtime does, timing each. The
/// verdict is the most probable class, or <c>ANOMALY</c> when that is benign but the autoencoder calls the window
/// anomalous; with a calibrated <see cref="ModelManifest.AttackThreshold"/>, an attack class below it counts as
/// benign. The attack score is max(1 − P(benign), ½ · anomaly score / threshold), capped at 1: a window at the
/// anomaly threshold scores ½.
/// </summary>
public static class ModelScorer
{
    public static ScoredWindows Score(DetectionModel model, WindowDataset data, IReadOnlyList<int> indices, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var session = model.CreateSession();
        var classes = model.ClassNames;
        var benign = IndexOf(classes, AttackClass.Benign);
        var threshold = model.AnomalyThreshold;
        var attackThreshold = model.Manifest.AttackThreshold;
        var probabilities = new float[classes.Count];
        var predicted = new string[indices.Count];
        var scores = new float[indices.Count];
        var latency = new double[indices.Count];
        for (var k = 0; k < indices.Count; k++)
        {
            var window = data.Window(indices[k]);
            var started = time.GetTimestamp();
            var score = session.Score(window, probabilities);
            latency[k] = time.GetElapsedTime(started).TotalMicroseconds;
            var attack = benign >= 0 ? 1f - probabilities[benign] : 1f;
            // Below the calibrated margin an attack verdict falls back to benign (and to the autoencoder's say).
            var classIndex = benign >= 0 && attackThreshold is { } margin && score.ClassIndex != benign && attack < margin ? benign : score.ClassIndex;
            predicted[k] = classIndex == benign && score.IsAnomaly ? AttackClass.Anomaly : classes[classIndex];
            if (score.AnomalyScore is { } anomaly && threshold is > 0f)
            {
                attack = MathF.Max(attack, MathF.Min(1f, 0.5f * anomaly / threshold.Value));
            }

            scores[k] = attack;
        }

        return new ScoredWindows(predicted, scores, latency);
    }

    internal static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
