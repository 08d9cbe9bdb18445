using System.Text.Json.Nodes;
using AutoShield.Kubernetes.Client;

namespace AutoShield.Kubernetes.Watch;

/// <summary>One line of a watch stream: <c>{"type":"ADDED|MODIFIED|DELETED|BOOKMARK","object":{...}}</c>.</summary>
public sealed record WatchEvent(WatchEventType Type, JsonObject Object)
{
    public string? ResourceVersion => ObjectMeta.ResourceVersion(Object);

    internal static WatchEventType ParseType(string? type) => type switch
    {
        "ADDED" => WatchEventType.Added,
        "MODIFIED" => WatchEventType.Modified,
        "DELETED" => WatchEventType.Deleted,
        "BOOKMARK" => WatchEventType.Bookmark,
        _ => WatchEventType.Error,
    };
}
