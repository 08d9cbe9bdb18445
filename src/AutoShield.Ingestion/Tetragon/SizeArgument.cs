namespace AutoShield.Ingestion.Tetragon;

/// <summary>A <c>size_arg</c> (uint64; exported as a JSON string).</summary>
public sealed record SizeArgument(ulong Value) : TetragonArgument;
