namespace AutoShield.Kubernetes.Client;

/// <summary>Where a kind lives in the API: group, version, plural resource name, kind, and whether it is namespaced.</summary>
public sealed record ResourceType(string Group, string Version, string Plural, string Kind, bool Namespaced)
{
    /// <summary>The apiVersion objects of this type carry: "v1" for the core group, "group/version" otherwise.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public override string ToString() => Group.Length == 0 ? Plural : $"{Plural}.{Group}";
}
