namespace AutoShield.Ingestion.Tetragon;

/// <summary>A <c>uint_arg</c> (uint32).</summary>
public sealed record UintArgument(uint Value) : TetragonArgument;
