namespace AutoShield.Ingestion.Tetragon;

/// <summary>A <c>truncated_bytes_arg</c>: the decoded length of what was kept and the original size.</summary>
public sealed record TruncatedBytesArgument(int Length, ulong OriginalSize) : TetragonArgument;
