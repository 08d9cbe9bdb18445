using System.Globalization;

namespace AutoShield.Detection.Explanations;

/// <summary>Formats a window's numbers for sentences: invariant culture, units people read, plurals.</summary>
internal static class Quantity
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Count(long count, string singular, string? plural = null) =>
        string.Create(Invariant, $"{count} {(count == 1 ? singular : plural ?? singular + "s")}");

    public static string Seconds(double seconds) => seconds switch
    {
        >= 100 => string.Create(Invariant, $"{seconds:0} s"),
        >= 1 => string.Create(Invariant, $"{seconds:0.#} s"),
        >= 0.001 => string.Create(Invariant, $"{seconds * 1e3:0.#} ms"),
        > 0 => string.Create(Invariant, $"{seconds * 1e6:0} µs"),
        _ => "0 s",
    };

    public static string Bytes(double bytes) => bytes switch
    {
        >= 1e9 => string.Create(Invariant, $"{bytes / 1e9:0.#} GB"),
        >= 1e6 => string.Create(Invariant, $"{bytes / 1e6:0.#} MB"),
        >= 1e3 => string.Create(Invariant, $"{bytes / 1e3:0.#} kB"),
        _ => string.Create(Invariant, $"{bytes:0} B"),
    };

    public static string Rate(double perSecond) => perSecond >= 10
        ? string.Create(Invariant, $"{perSecond:0}/s")
        : string.Create(Invariant, $"{perSecond:0.##}/s");

    public static string Percent(double share) => string.Create(Invariant, $"{share * 100:0}%");

    public static string Number(double value) => value.ToString("0.###", Invariant);
}
