namespace AutoShield.Ingestion.Tetragon;

/// <summary>
/// A <c>cred_arg</c>. Older exports carry only capability sets; newer ones add the ids of
/// <c>ProcessCredentials</c>.
/// </summary>
public sealed record CredArgument : TetragonArgument
{
    public uint? Uid { get; init; }

    public uint? Gid { get; init; }

    public uint? Euid { get; init; }

    public uint? Egid { get; init; }

    public TetragonCapabilities? Capabilities { get; init; }
}
