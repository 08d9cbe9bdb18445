namespace AutoShield.Kubernetes.Fake.Faults;

/// <summary>What the fake saw of one request: the verb in RBAC terms, the resource addressed, who, and the answer.</summary>
public sealed record FakeRequest(string Method, string Verb, string Group, string Resource, string? Subresource, string? Namespace, string? Name, string User, string Path)
{
    /// <summary>The HTTP status code answered (200 for a watch stream that was opened).</summary>
    public int StatusCode { get; set; }
}
