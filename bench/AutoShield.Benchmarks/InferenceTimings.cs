using System.Globalization;
using System.Text.Json;

namespace AutoShield.Benchmarks;

/// <summary>
/// Single-window latency percentiles (µs, wall clock) and batch throughput (windows per second of wall time and
/// per second of the thread's CPU time).
/// </summary>
internal sealed record InferenceTimings(double P50, double P95, double P99, double BatchPerSecond, double BatchPerCpuSecond)
{
    public static InferenceTimings FromJson(JsonElement element) => new(
        element.GetProperty("p50").GetDouble(),
        element.GetProperty("p95").GetDouble(),
        element.GetProperty("p99").GetDouble(),
        element.GetProperty("batchWindowsPerSecond").GetDouble(),
        element.GetProperty("batchWindowsPerCpuSecond").GetDouble());

    public static double Percentile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var lower = (int)position;
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }

    public string Row(string name) =>
        string.Create(CultureInfo.InvariantCulture, $"  {name,-30} {P50,8:F1} {P95,8:F1} {P99,8:F1} {BatchPerSecond,12:N0} {BatchPerCpuSecond,14:N0}");
}
