namespace AutoShield.Kubernetes.Fake.Patching;

/// <summary>A patch that cannot be decoded (a 400) or applied (a 422), with the reason the server would give.</summary>
public sealed class PatchError : Exception
{
    public PatchError(string message, bool undecodable)
        : base(message)
    {
        Undecodable = undecodable;
    }

    /// <summary>True when the patch document itself is malformed, false when it does not apply to the object.</summary>
    public bool Undecodable { get; }
}
