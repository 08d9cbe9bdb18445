namespace AutoShield.Ingestion.Tetragon;

/// <summary>An <c>int_arg</c> (int32).</summary>
public sealed record IntArgument(int Value) : TetragonArgument;
