using AutoShield.Ingestion.Text;

namespace AutoShield.Ingestion.Hubble;

/// <summary>Limits and pool sizes of a <see cref="HubbleJsonReader"/>.</summary>
public sealed record HubbleJsonReaderOptions
{
    /// <summary>Longer lines are reported as errors and skipped without being held in memory.</summary>
    public int MaxLineBytes { get; init; } = Utf8LineReader.DefaultMaxLineBytes;

    /// <summary>Distinct strings (names, labels, node names, DNS queries, URLs) kept before the pool starts afresh.</summary>
    public int StringPoolCapacity { get; init; } = 16_384;

    /// <summary>Distinct label lists kept before the pool starts afresh.</summary>
    public int LabelSetPoolCapacity { get; init; } = 4_096;

    /// <summary>
    /// Distinct endpoint objects and address pairs (and half as many runs of stable flow fields) kept parsed before
    /// each cache starts afresh. The default holds a few thousand pods' worth in about 5 MB per reader.
    /// </summary>
    public int ObjectCacheCapacity { get; init; } = 4_096;
}
