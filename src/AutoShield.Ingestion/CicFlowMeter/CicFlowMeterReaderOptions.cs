using AutoShield.Ingestion.Text;

namespace AutoShield.Ingestion.CicFlowMeter;

/// <summary>How <see cref="CicFlowMeterReader"/> reads a CSV file's timestamps and how long a row may be.</summary>
public sealed record CicFlowMeterReaderOptions
{
    /// <summary>
    /// The original CIC-IDS2017 CSVs (MachineLearningCVE/TrafficLabelling) write <c>Timestamp</c> in the lab's local
    /// time, Atlantic Daylight Time (UTC−3); the "improved" re-extraction in <c>data/flows</c> writes UTC.
    /// </summary>
    public static CicFlowMeterReaderOptions OriginalCicIds2017 { get; } = new() { TimestampUtcOffset = TimeSpan.FromHours(-3) };

    /// <summary>
    /// UTC offset of the clock the <c>Timestamp</c> column was written in; zero (the default) means UTC. Use −3 h for
    /// the original CIC-IDS2017 files (see <see cref="OriginalCicIds2017"/>).
    /// </summary>
    public TimeSpan TimestampUtcOffset { get; init; }

    /// <summary>Longest row read; a longer one is reported and skipped.</summary>
    public int MaxLineBytes { get; init; } = 1024 * 1024;

    internal int EffectiveMaxLineBytes => Math.Min(MaxLineBytes, Utf8LineReader.DefaultMaxLineBytes);
}
