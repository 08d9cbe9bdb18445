namespace AutoShield.Detection.Evaluation;

/// <summary>
/// Per-window scoring time: log-spaced bins given by their lower edges in µs (bin i holds values from edge i up to
/// edge i + 1; the last is open) and summary figures.
/// </summary>
public sealed record LatencyHistogram(
    IReadOnlyList<double> LowerEdgesMicros, IReadOnlyList<int> Counts, double MeanMicros, double P50Micros, double P99Micros, double MaxMicros)
{
    private static readonly double[] Edges = [0, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];

    public static LatencyHistogram? From(double[]? micros)
    {
        if (micros is null || micros.Length == 0)
        {
            return null;
        }

        var counts = new int[Edges.Length];
        foreach (var value in micros)
        {
            var bin = Edges.Length - 1;
            while (bin > 0 && value < Edges[bin])
            {
                bin--;
            }

            counts[bin]++;
        }

        var sorted = micros.Order().ToArray();
        return new LatencyHistogram(Edges, counts, micros.Average(), Percentile(sorted, 0.5), Percentile(sorted, 0.99), sorted[^1]);
    }

    private static double Percentile(double[] sorted, double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
}
