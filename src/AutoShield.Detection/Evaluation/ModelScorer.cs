using AutoShield.Core.Detections;
using AutoShield.Detection.Data;
using AutoShield.Detection.Models;
using AutoShield.Detection.Runtime;

namespace AutoShield.Detection.Evaluation;

/// <summary>
/// Scores windows one at a time with an <see cref="InferenceSession"/>, as the runtime does, timing each. The
/// verdict is the most probable class, or <c>ANOMALY</c> when that is benign but the autoencoder calls the window
/// anomalous; with a calibrated <see cref="ModelManifest.AttackThreshold"/>, an attack class below it counts as
/// benign. The attack score is max(1 − P(benign), ½ · anomaly score / threshold), capped at 1: a window at the
/// anomaly threshold scores ½. When the dataset kept its <see cref="WindowDataset.Traits"/>, the window is judged as
/// <see cref="WindowDetector"/> with the same options judges it (the defaults unless <c>runtime</c> says otherwise):
/// the <see cref="SignalGate"/> first, then a fan-out, fan-in, DNS-name, refused-login or periodicity rule that fired names the class and lifts the
/// score to its confidence. Options with the gate and rules off give the model's own verdicts.
/// </summary>
public static class ModelScorer
{
    public static ScoredWindows Score(DetectionModel model, WindowDataset data, IReadOnlyList<int> indices, TimeProvider? time = null, WindowDetectorOptions? runtime = null)
    {
        runtime ??= new WindowDetectorOptions();
        var traits = data.Traits;
        var gate = runtime.GateBySignal ? new SignalGate(model.ClassNames) : null;
        var periodicity = runtime.Periodicity is { } periodicOptions ? new PeriodicityRule(periodicOptions) : null;
        var fanOut = runtime.FanOut is not null;
        var fanIn = runtime.FanIn is not null;
        var dnsNames = runtime.DnsNames is not null;
        var authFailure = runtime.AuthFailure is not null;
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
            var best = score.ClassIndex;
            var rowCount = data.RowCounts[indices[k]];
            if (traits is not null && gate is not null && gate.Apply(probabilities, window, rowCount, Gated(traits[indices[k]], fanIn)))
            {
                best = InferenceSession.ArgMax(probabilities);
            }

            var attack = benign >= 0 ? 1f - probabilities[benign] : 1f;
            // Below the calibrated margin an attack verdict falls back to benign (and to the autoencoder's say).
            var classIndex = benign >= 0 && attackThreshold is { } margin && best != benign && attack < margin ? benign : best;
            predicted[k] = classIndex == benign && score.IsAnomaly ? AttackClass.Anomaly : classes[classIndex];
            if (score.AnomalyScore is { } anomaly && threshold is > 0f)
            {
                attack = MathF.Max(attack, MathF.Min(1f, 0.5f * anomaly / threshold.Value));
            }

            if (traits is not null)
            {
                ref readonly var t = ref traits[indices[k]];
                var periodic = periodicity?.Evaluate(window, rowCount, t) ?? default;
                if (fanOut && t.FanOutClass is { } fanOutClass)
                {
                    predicted[k] = fanOutClass;
                    attack = MathF.Max(attack, t.FanOutConfidence);
                }
                else if (fanIn && t.FanInClass is { } fanInClass)
                {
                    predicted[k] = fanInClass;
                    attack = MathF.Max(attack, t.FanInConfidence);
                }
                else if (dnsNames && t.DnsClass is { } dnsClass)
                {
                    predicted[k] = dnsClass;
                    attack = MathF.Max(attack, t.DnsConfidence);
                }
                else if (authFailure && t.AuthFailureClass is { } authClass)
                {
                    predicted[k] = authClass;
                    attack = MathF.Max(attack, t.AuthFailureConfidence);
                }
                else if (periodic.Fired)
                {
                    predicted[k] = AttackClass.C2Beacon;
                    attack = MathF.Max(attack, (float)periodic.Confidence);
                }
            }

            scores[k] = attack;
        }

        return new ScoredWindows(predicted, scores, latency);
    }

    /// <summary>With the fan-in rule off, its support check is off too, as in the runtime.</summary>
    private static WindowTraits Gated(in WindowTraits traits, bool fanIn) => fanIn ? traits : traits with { FanInKnown = false };

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
