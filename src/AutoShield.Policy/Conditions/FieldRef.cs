namespace AutoShield.Policy.Conditions;

/// <summary>A field path as written (<c>features.bytes_sent</c>) and where.</summary>
public sealed record FieldRef(string Path, int Offset);
