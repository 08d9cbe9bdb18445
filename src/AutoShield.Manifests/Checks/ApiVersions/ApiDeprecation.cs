namespace AutoShield.Manifests.Checks.ApiVersions;

/// <summary>An apiVersion/kind that Kubernetes deprecated in one minor and (when known) stopped serving in another.</summary>
internal sealed record ApiDeprecation(string ApiVersion, string Kind, int DeprecatedIn, int? RemovedIn, string Replacement);
