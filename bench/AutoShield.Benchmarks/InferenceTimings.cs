using System.Globalization;
using System.Text.Json;

namespace AutoShield.Benchmarks;

/// <summary>Single-window latency percentiles (µs) and batch throughput (windows/s) by one clock.</summary>
internal sealed record InferenceTimings(double P50, double P95, double P99, double BatchWindowsPerSecond)
{
    public static InferenceTimings FromJson(JsonElement element) => new(
        element.GetProperty("p50").GetDouble(),
        element.GetProperty("p95").GetDouble(),
        element.GetProperty("p99").GetDouble(),
        element.GetProperty("batchWindowsPerSecond").GetDouble());

    public static double Percentile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var lower = (int)position;
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }

    public string Row(string name) =>
        string.Create(CultureInfo.InvariantCulture, $"  {name,-30} {P50,9:F1} {P95,9:F1} {P99,9:F1} {BatchWindowsPerSecond,14:N0}");
}
