using System.Text.Json.Nodes;

namespace AutoShield.Kubernetes.Client;

/// <summary>One page of a list: the items (with kind and apiVersion filled in), the list's resourceVersion, and the continue token.</summary>
public sealed record ResourceList(IReadOnlyList<JsonObject> Items, string ResourceVersion, string? Continue);
