using System.Text.Json.Nodes;
using AutoShield.Kubernetes.Fake.Api;

namespace AutoShield.Kubernetes.Fake.Resources;

/// <summary>
/// One resource the fake serves: where it lives in the API, whether it is namespaced, which fields an object must
/// carry (paths like <c>spec.containers[].image</c>, where <c>[]</c> means every element of a required, non-empty
/// list), which subresources it has and which field selectors it accepts.
/// </summary>
public sealed record FakeResourceKind(string Group, string Version, string Plural, string Kind, bool Namespaced)
{
    /// <summary>Paths that must be present (and non-empty, for lists) on every stored object.</summary>
    public IReadOnlyList<string> RequiredFields { get; init; } = [];

    /// <summary>Whether the kind has a status subresource (main writes then keep the stored status).</summary>
    public bool HasStatus { get; init; }

    /// <summary>Built-in kinds take strategic merge patches; custom resources answer 415, as a real server does.</summary>
    public bool StrategicMerge { get; init; } = true;

    /// <summary>Field selector paths beyond metadata.name and metadata.namespace.</summary>
    public IReadOnlyList<string> SelectableFields { get; init; } = [];

    /// <summary>Extra checks beyond required fields.</summary>
    public Func<JsonObject, IEnumerable<FieldCause>>? Validate { get; init; }

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string ListKind => Kind + "List";

    public string SingularName => Kind.ToLowerInvariant();
}
