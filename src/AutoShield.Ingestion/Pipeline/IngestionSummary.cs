namespace AutoShield.Ingestion.Pipeline;

/// <summary>What a run of the ingestion pipeline saw, for <c>autoshield replay</c> and the demo.</summary>
public sealed record IngestionSummary
{
    public required IReadOnlyList<SourceSummary> Sources { get; init; }

    public long Events { get; init; }

    public long Errors { get; init; }

    public long Skipped { get; init; }

    public long Connections { get; init; }

    /// <summary>Windows produced: one per assembled connection.</summary>
    public long Windows { get; init; }

    /// <summary>Pairs held at the end (bounded by the store's cap).</summary>
    public long Pairs { get; init; }

    /// <summary>Distinct pairs seen over the run (by key, including ones later evicted or expired).</summary>
    public long PairsSeen { get; init; }

    public long PairsEvicted { get; init; }

    public long PairsExpired { get; init; }

    public long DuplicateEvents { get; init; }

    /// <summary>Endpoints without pod identity that the attributor named (0 without an attributor).</summary>
    public long AttributedEndpoints { get; init; }

    /// <summary>Connections by ground-truth label, when the input is labelled.</summary>
    public required IReadOnlyDictionary<string, long> ConnectionsByLabel { get; init; }
}
