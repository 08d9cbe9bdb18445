namespace AutoShield.Ingestion.Tetragon;

/// <summary>Limits of <see cref="TetragonJsonReader"/>, which keep its memory bounded on hostile input.</summary>
public sealed record TetragonReaderOptions
{
    public static TetragonReaderOptions Default { get; } = new();

    /// <summary>Largest record (one JSON object, all its lines) held in memory; larger ones are reported and skipped.</summary>
    public int MaxRecordBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Deepest nesting of objects and arrays accepted; Tetragon events need about 8.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Distinct short strings (node, namespace, pod, binary names) shared between events.</summary>
    public int StringPoolCapacity { get; init; } = 16_384;
}
