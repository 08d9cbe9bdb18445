namespace AutoShield.Detection.Training;

/// <summary>Accuracy, per-class F1 and macro-F1 (over classes present in the truth or the predictions) of one evaluation.</summary>
public sealed record ClassificationReport(double Accuracy, double MacroF1, IReadOnlyList<double> F1, IReadOnlyList<int> Support)
{
    public static ClassificationReport Compute(ReadOnlySpan<int> truth, ReadOnlySpan<int> predicted, int classes)
    {
        var truePositives = new int[classes];
        var actual = new int[classes];
        var guessed = new int[classes];
        var correct = 0;
        for (var i = 0; i < truth.Length; i++)
        {
            actual[truth[i]]++;
            guessed[predicted[i]]++;
            if (truth[i] == predicted[i])
            {
                truePositives[truth[i]]++;
                correct++;
            }
        }

        var f1 = new double[classes];
        var present = 0;
        var sum = 0.0;
        for (var c = 0; c < classes; c++)
        {
            if (actual[c] + guessed[c] == 0)
            {
                continue;
            }

            f1[c] = 2.0 * truePositives[c] / (actual[c] + guessed[c]);
            sum += f1[c];
            present++;
        }

        return new ClassificationReport(
            truth.Length == 0 ? 0 : (double)correct / truth.Length,
            present == 0 ? 0 : sum / present,
            f1,
            actual);
    }
}
