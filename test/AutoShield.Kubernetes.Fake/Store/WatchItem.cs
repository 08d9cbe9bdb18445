using System.Text.Json.Nodes;

namespace AutoShield.Kubernetes.Fake.Store;

/// <summary>What a watch stream writes next: an event line, or an instruction to drop the connection.</summary>
internal readonly record struct WatchItem(string Type, JsonObject? Object)
{
    public const string Drop = "DROP";
}
