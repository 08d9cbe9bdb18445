namespace AutoShield.Ingestion.Tetragon;

/// <summary>Capability sets of a process or credential (<c>CAP_SYS_ADMIN</c>, ...).</summary>
public sealed record TetragonCapabilities
{
    public IReadOnlyList<string> Permitted { get; init; } = [];

    public IReadOnlyList<string> Effective { get; init; } = [];

    public IReadOnlyList<string> Inheritable { get; init; } = [];
}
