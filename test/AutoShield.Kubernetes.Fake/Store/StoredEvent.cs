using System.Text.Json.Nodes;

namespace AutoShield.Kubernetes.Fake.Store;

/// <summary>One change in the store's history: what a watch from an older resourceVersion replays.</summary>
internal sealed record StoredEvent(long ResourceVersion, string Group, string Plural, string Type, JsonObject Object, JsonObject? Previous);
