namespace AutoShield.Ingestion.Tetragon;

/// <summary>A <c>string_arg</c>.</summary>
public sealed record StringArgument(string Value) : TetragonArgument;
