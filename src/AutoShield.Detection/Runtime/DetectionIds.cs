using System.Globalization;

namespace AutoShield.Detection.Runtime;

/// <summary>Detection ids unique within the process: a per-process counter behind the event time.</summary>
internal static class DetectionIds
{
    private static long _next;

    public static string Next(long timeUnixNanos) =>
        string.Create(CultureInfo.InvariantCulture, $"{timeUnixNanos / 1_000_000:x}-{Interlocked.Increment(ref _next):x}");
}
