namespace AutoShield.Ingestion.Tetragon;

/// <summary>An argument of a kind this reader does not model (<c>bpf_attr_arg</c>, ...), kept by its key.</summary>
public sealed record UnknownArgument(string Kind) : TetragonArgument;
