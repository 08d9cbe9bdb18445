namespace AutoShield.Ingestion.Tetragon;

/// <summary>A <c>long_arg</c> (int64).</summary>
public sealed record LongArgument(long Value) : TetragonArgument;
