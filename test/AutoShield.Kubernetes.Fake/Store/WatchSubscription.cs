using System.Text.Json.Nodes;
using System.Threading.Channels;
using AutoShield.Kubernetes.Fake.Resources;
using AutoShield.Kubernetes.Fake.Selectors;

namespace AutoShield.Kubernetes.Fake.Store;

/// <summary>One open watch: its filter, and the queue the store fills (in resourceVersion order, under its lock).</summary>
internal sealed class WatchSubscription
{
    public WatchSubscription(FakeResourceKind kind, string? ns, LabelSelector labels, FieldSelector fields, bool bookmarks)
    {
        Kind = kind;
        Namespace = ns;
        Labels = labels;
        Fields = fields;
        Bookmarks = bookmarks;
    }

    public FakeResourceKind Kind { get; }

    public string? Namespace { get; }

    public LabelSelector Labels { get; }

    public FieldSelector Fields { get; }

    public bool Bookmarks { get; }

    // Unbounded: a test server holds few watches and few events; the store must never block while it holds its lock.
    public Channel<WatchItem> Queue { get; } = Channel.CreateUnbounded<WatchItem>(new UnboundedChannelOptions { SingleReader = true });

    public bool Matches(JsonObject? obj) =>
        obj is not null
        && (Namespace is null || obj["metadata"]?["namespace"]?.GetValue<string>() == Namespace)
        && Labels.Matches(obj["metadata"]?["labels"] as JsonObject)
        && Fields.Matches(obj);

    /// <summary>Translates a store change into what this watch sees: objects moving in or out of the selector appear as ADDED or DELETED.</summary>
    public void Offer(StoredEvent change)
    {
        if (change.Group != Kind.Group || change.Plural != Kind.Plural)
        {
            return;
        }

        var now = Matches(change.Object);
        var before = change.Type == "MODIFIED" && Matches(change.Previous);
        var type = change.Type switch
        {
            "ADDED" when now => "ADDED",
            "MODIFIED" when now && before => "MODIFIED",
            "MODIFIED" when now => "ADDED",
            "MODIFIED" when before => "DELETED",
            "DELETED" when now => "DELETED",
            _ => null,
        };
        if (type is not null)
        {
            Queue.Writer.TryWrite(new WatchItem(type, change.Object));
        }
    }
}
