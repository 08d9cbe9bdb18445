namespace AutoShield.Ingestion.Tetragon;

/// <summary>A <c>capability_arg</c>: a capability number and its name.</summary>
public sealed record CapabilityArgument(uint? Value, string? Name) : TetragonArgument;
