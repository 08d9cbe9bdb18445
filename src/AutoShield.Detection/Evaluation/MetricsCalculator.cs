using System.Globalization;
using AutoShield.Core.Detections;
using AutoShield.Detection.Data;

namespace AutoShield.Detection.Evaluation;

/// <summary>Turns a detector's verdicts on dataset windows into <see cref="EvalMetrics"/>.</summary>
public static class MetricsCalculator
{
    private static readonly double[] FprTargets = [0.001, 0.005, 0.01];
    private static readonly double[] DetectionTargets = [0.95, 0.99];

    public const string Unlabelled = "(unlabelled)";

    public static EvalMetrics Compute(WindowDataset data, IReadOnlyList<int> indices, ScoredWindows scored)
    {
        if (scored.Predicted.Length != indices.Count || scored.AttackScores.Length != indices.Count)
        {
            throw new ArgumentException($"{indices.Count} windows but {scored.Predicted.Length} verdicts and {scored.AttackScores.Length} scores");
        }

        var truthNames = Order(indices.Select(i => data.Classes[i]).OfType<string>());
        var predictedNames = Order(truthNames.Concat(scored.Predicted));
        var counts = truthNames.Select(_ => new int[predictedNames.Count]).ToArray();
        var negatives = new List<float>();
        var positives = new List<float>();
        var positivesByClass = new Dictionary<string, List<float>>(StringComparer.Ordinal);
        var byLabel = new SortedDictionary<string, (string? Class, int Windows, int Flagged)>(StringComparer.Ordinal);
        int correct = 0, classified = 0, benign = 0, benignFlagged = 0, attacks = 0, attacksFlagged = 0;
        for (var k = 0; k < indices.Count; k++)
        {
            var i = indices[k];
            var predicted = scored.Predicted[k];
            var flagged = AttackClass.IsAttack(predicted);
            var label = data.Labels[i] ?? Unlabelled;
            var entry = byLabel.GetValueOrDefault(label, (data.Classes[i], 0, 0));
            byLabel[label] = (entry.Item1, entry.Item2 + 1, entry.Item3 + (flagged ? 1 : 0));
            if (data.Classes[i] is not { } truth)
            {
                continue;
            }

            classified++;
            correct += truth == predicted ? 1 : 0;
            counts[Index(truthNames, truth)][Index(predictedNames, predicted)]++;
            if (AttackClass.IsAttack(truth))
            {
                attacks++;
                attacksFlagged += flagged ? 1 : 0;
                positives.Add(scored.AttackScores[k]);
                (positivesByClass.TryGetValue(truth, out var list) ? list : positivesByClass[truth] = []).Add(scored.AttackScores[k]);
            }
            else
            {
                benign++;
                benignFlagged += flagged ? 1 : 0;
                negatives.Add(scored.AttackScores[k]);
            }
        }

        var classes = ClassTable(truthNames, predictedNames, counts);
        var (roc, pr, auc, averagePrecision) = ScoreCurves.Curves([.. negatives], [.. positives]);
        return new EvalMetrics
        {
            Windows = indices.Count,
            ClassifiedWindows = classified,
            Accuracy = Ratio(correct, classified),
            MacroF1 = classes.Where(c => c.Value.Support > 0).Select(c => c.Value.F1).DefaultIfEmpty(0).Average(),
            FalsePositiveRate = Ratio(benignFlagged, benign),
            DetectionRate = Ratio(attacksFlagged, attacks),
            Classes = classes,
            ByLabel = byLabel.ToDictionary(kv => kv.Key, kv => new LabelMetrics(kv.Value.Class, kv.Value.Windows, kv.Value.Flagged, Ratio(kv.Value.Flagged, kv.Value.Windows))),
            FprAtDetectionRate = DetectionTargets.ToDictionary(
                t => t.ToString("0.00", CultureInfo.InvariantCulture), t => ScoreCurves.FprAtDetectionRate([.. negatives], [.. positives], t)),
            DetectionAtFpr = [.. FprTargets.Select(t => OperatingPointAt(t, [.. negatives], positives, positivesByClass))],
            Confusion = new ConfusionMatrix(truthNames, predictedNames, [.. counts.Select(row => (IReadOnlyList<int>)row)]),
            RocAuc = auc,
            AveragePrecision = averagePrecision,
            Roc = roc,
            PrecisionRecall = pr,
            Latency = LatencyHistogram.From(scored.LatencyMicros),
        };
    }

    private static Dictionary<string, ClassMetrics> ClassTable(List<string> truthNames, List<string> predictedNames, int[][] counts)
    {
        var classes = new Dictionary<string, ClassMetrics>(StringComparer.Ordinal);
        foreach (var name in predictedNames)
        {
            var row = Index(truthNames, name);
            var column = Index(predictedNames, name);
            var support = row >= 0 ? counts[row].Sum() : 0;
            var predicted = counts.Sum(r => r[column]);
            var truePositives = row >= 0 ? counts[row][column] : 0;
            var precision = Ratio(truePositives, predicted);
            var recall = Ratio(truePositives, support);
            var f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
            var benignColumn = Index(predictedNames, AttackClass.Benign);
            double? detection = row >= 0 && AttackClass.IsAttack(name)
                ? Ratio(support - (benignColumn >= 0 ? counts[row][benignColumn] : 0), support)
                : null;
            classes[name] = new ClassMetrics(precision, recall, f1, support, predicted, detection);
        }

        return classes;
    }

    private static OperatingPoint OperatingPointAt(double target, float[] negatives, List<float> positives, Dictionary<string, List<float>> byClass)
    {
        var threshold = ScoreCurves.ThresholdAtFpr(negatives, target);
        return new OperatingPoint(
            target,
            threshold,
            Ratio(negatives.Count(s => s > threshold), negatives.Length),
            Ratio(positives.Count(s => s > threshold), positives.Count),
            Order(byClass.Keys).ToDictionary(c => c, c => Ratio(byClass[c].Count(s => s > threshold), byClass[c].Count)));
    }

    // Known classes in their canonical order (benign first), then any others alphabetically.
    private static List<string> Order(IEnumerable<string> names)
    {
        var set = names.ToHashSet(StringComparer.Ordinal);
        return [.. AttackClass.Known.Where(set.Contains), .. set.Where(n => !AttackClass.Known.Contains(n)).Order(StringComparer.Ordinal)];
    }

    private static int Index(List<string> names, string name) => names.IndexOf(name);

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
