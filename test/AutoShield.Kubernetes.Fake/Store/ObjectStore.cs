using System.Globalization;
using System.Text.Json.Nodes;
using AutoShield.Kubernetes.Fake.Api;
using AutoShield.Kubernetes.Fake.Resources;

namespace AutoShield.Kubernetes.Fake.Store;

/// <summary>
/// The fake's etcd: objects per resource, one global resourceVersion that every write advances, and a bounded
/// history of changes that watches replay. All state sits behind one lock, so every write and the watch events it
/// produces are ordered exactly as their resourceVersions.
/// </summary>
public sealed partial class ObjectStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Group, string Plural), SortedDictionary<string, JsonObject>> _objects = [];
    private readonly List<StoredEvent> _history = [];
    private readonly List<WatchSubscription> _watches = [];
    private readonly TimeProvider _time;
    private readonly Random _random;
    private long _resourceVersion;
    private long _compactedThrough;

    internal ObjectStore(TimeProvider time, Random random, int historyLimit)
    {
        _time = time;
        _random = random;
        HistoryLimit = historyLimit;
    }

    /// <summary>How many changes are kept for watches; a watch from before the oldest kept change gets 410 Gone.</summary>
    public int HistoryLimit { get; set; }

    /// <summary>The newest resourceVersion handed out.</summary>
    public long ResourceVersion
    {
        get
        {
            lock (_gate)
            {
                return _resourceVersion;
            }
        }
    }

    /// <summary>Forgets all history, as etcd compaction does: any watch from an older resourceVersion gets 410 Gone.</summary>
    public void Compact()
    {
        lock (_gate)
        {
            _history.Clear();
            _compactedThrough = _resourceVersion;
        }
    }

    /// <summary>A copy of a stored object, or null.</summary>
    public JsonObject? Get(FakeResourceKind kind, string? ns, string name)
    {
        lock (_gate)
        {
            return Bucket(kind).TryGetValue(Key(kind, ns, name), out var obj) ? (JsonObject)obj.DeepClone() : null;
        }
    }

    /// <summary>Copies of the stored objects of a kind (in one namespace, or all), ordered by namespace and name.</summary>
    public (List<JsonObject> Items, long ResourceVersion) List(FakeResourceKind kind, string? ns, Func<JsonObject, bool>? filter = null)
    {
        lock (_gate)
        {
            var prefix = ns is null || !kind.Namespaced ? "" : ns + "/";
            var items = Bucket(kind)
                .Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal) && (filter is null || filter(p.Value)))
                .Select(p => (JsonObject)p.Value.DeepClone())
                .ToList();
            return (items, _resourceVersion);
        }
    }

    internal string Timestamp() => _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private SortedDictionary<string, JsonObject> Bucket(FakeResourceKind kind)
    {
        if (!_objects.TryGetValue((kind.Group, kind.Plural), out var bucket))
        {
            bucket = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
            _objects[(kind.Group, kind.Plural)] = bucket;
        }

        return bucket;
    }

    private static string Key(FakeResourceKind kind, string? ns, string name) => kind.Namespaced ? $"{ns}/{name}" : name;

    private long Record(FakeResourceKind kind, string type, JsonObject obj, JsonObject? previous, long resourceVersion)
    {
        var change = new StoredEvent(resourceVersion, kind.Group, kind.Plural, type, (JsonObject)obj.DeepClone(), previous);
        _history.Add(change);
        while (_history.Count > HistoryLimit)
        {
            _compactedThrough = _history[0].ResourceVersion;
            _history.RemoveAt(0);
        }

        foreach (var watch in _watches)
        {
            watch.Offer(change);
        }

        return resourceVersion;
    }

    private string NewUid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        return new Guid(bytes).ToString();
    }

    private string RandomSuffix()
    {
        const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";
        return string.Create(5, _random, static (span, random) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[random.Next(Alphabet.Length)];
            }
        });
    }

    private static JsonObject Meta(JsonObject obj) => obj["metadata"] as JsonObject ?? throw ApiError.BadRequest("object has no metadata");

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
