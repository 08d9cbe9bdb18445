using System.Text.Json.Nodes;

namespace AutoShield.Kubernetes.Watch;

/// <summary>A change to an informer's cache: Added, Modified (with the previous object) or Deleted.</summary>
public sealed record InformerEvent(WatchEventType Type, JsonObject Object, JsonObject? Previous);
