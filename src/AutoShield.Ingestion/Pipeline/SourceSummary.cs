using AutoShield.Core.Flows;

namespace AutoShield.Ingestion.Pipeline;

/// <summary>Counts for one input and its first errors (all errors are counted; a few are kept to show).</summary>
public sealed record SourceSummary(string Name, string Kind, long Good, long Bad, long Skipped, IReadOnlyList<ParseError> FirstErrors);
