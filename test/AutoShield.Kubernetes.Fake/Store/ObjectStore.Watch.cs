using System.Globalization;
using System.Text.Json.Nodes;
using AutoShield.Kubernetes.Fake.Api;
using AutoShield.Kubernetes.Fake.Resources;

namespace AutoShield.Kubernetes.Fake.Store;

public sealed partial class ObjectStore
{
    /// <summary>
    /// Opens a watch. Without a resourceVersion (or with "0") it starts with a synthetic ADDED per matching object;
    /// with one it replays the kept changes after it, or answers 410 Gone when they have been compacted away.
    /// </summary>
    internal WatchSubscription Subscribe(WatchSubscription watch, string? fromResourceVersion)
    {
        lock (_gate)
        {
            if (string.IsNullOrEmpty(fromResourceVersion) || fromResourceVersion == "0")
            {
                foreach (var obj in Bucket(watch.Kind).Values.Where(watch.Matches))
                {
                    watch.Queue.Writer.TryWrite(new WatchItem("ADDED", (JsonObject)obj.DeepClone()));
                }
            }
            else
            {
                if (!long.TryParse(fromResourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var from))
                {
                    throw ApiError.BadRequest($"invalid resource version \"{fromResourceVersion}\"");
                }

                if (from < _compactedThrough)
                {
                    throw Gone(from);
                }

                foreach (var change in _history.Where(c => c.ResourceVersion > from))
                {
                    watch.Offer(change);
                }
            }

            _watches.Add(watch);
            return watch;
        }
    }

    internal void Unsubscribe(WatchSubscription watch)
    {
        lock (_gate)
        {
            _watches.Remove(watch);
            watch.Queue.Writer.TryComplete();
        }
    }

    /// <summary>Queues a BOOKMARK carrying the current resourceVersion on every watch that asked for bookmarks.</summary>
    public void SendBookmarks()
    {
        lock (_gate)
        {
            foreach (var watch in _watches.Where(w => w.Bookmarks))
            {
                watch.Queue.Writer.TryWrite(new WatchItem("BOOKMARK", Bookmark(watch.Kind)));
            }
        }
    }

    internal void SendBookmark(WatchSubscription watch)
    {
        lock (_gate)
        {
            watch.Queue.Writer.TryWrite(new WatchItem("BOOKMARK", Bookmark(watch.Kind)));
        }
    }

    /// <summary>Drops every open watch connection after what it has already been sent.</summary>
    public void DropWatches()
    {
        lock (_gate)
        {
            foreach (var watch in _watches)
            {
                watch.Queue.Writer.TryWrite(new WatchItem(WatchItem.Drop, null));
            }
        }
    }

    /// <summary>How many watches are open now.</summary>
    public int OpenWatches
    {
        get
        {
            lock (_gate)
            {
                return _watches.Count;
            }
        }
    }

    internal bool IsCompacted(long resourceVersion)
    {
        lock (_gate)
        {
            return resourceVersion < _compactedThrough;
        }
    }

    internal static ApiError Gone(long from) =>
        new(410, "Expired", $"too old resource version: {from.ToString(CultureInfo.InvariantCulture)}");

    private JsonObject Bookmark(FakeResourceKind kind) => new()
    {
        ["kind"] = kind.Kind,
        ["apiVersion"] = kind.ApiVersion,
        ["metadata"] = new JsonObject { ["resourceVersion"] = _resourceVersion.ToString(CultureInfo.InvariantCulture) },
    };
}
