namespace AutoShield.Kubernetes.Fake.Auth;

/// <summary>Who made a request: from a bearer token, a client certificate (CN and O), or anonymous.</summary>
public sealed record FakeUser(string Name, IReadOnlyList<string> Groups)
{
    public static FakeUser Anonymous { get; } = new("system:anonymous", ["system:unauthenticated"]);
}
