namespace AutoShield.Ingestion.Tetragon;

/// <summary>A <c>bytes_arg</c>: only the decoded length is kept, the content (often file data) is not.</summary>
public sealed record BytesArgument(int Length) : TetragonArgument;
