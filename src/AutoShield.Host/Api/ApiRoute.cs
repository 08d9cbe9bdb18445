namespace AutoShield.Host.Api;

/// <summary>One REST endpoint: mapped from this description and documented in the OpenAPI document from it too, so the two cannot drift.</summary>
/// <param name="Mutating">Changes state: requires the bearer token.</param>
public sealed record ApiRoute(string Method, string Path, string Summary, bool Mutating, Delegate Handler)
{
    /// <summary>Query parameters as name → description.</summary>
    public IReadOnlyDictionary<string, string> Query { get; init; } = new Dictionary<string, string>();

    /// <summary>Request body fields as name → description (a JSON object).</summary>
    public IReadOnlyDictionary<string, string> Body { get; init; } = new Dictionary<string, string>();

    public string Tag { get; init; } = "status";
}
