using System.Text.Json.Nodes;
using AutoShield.Kubernetes.Client;
using AutoShield.Kubernetes.Client.Errors;

namespace AutoShield.Kubernetes.Watch;

/// <summary>
/// Keeps a local copy of one resource type current: list, then watch from the list's resourceVersion; bookmarks
/// advance the resourceVersion; a dropped connection resumes from the last resourceVersion seen (nothing lost,
/// nothing repeated); 410 Gone lists again and reports the difference as Added/Modified/Deleted events.
/// </summary>
public sealed class Informer
{
    private readonly KubernetesClient _client;
    private readonly ResourceType _type;
    private readonly string? _namespace;
    private readonly InformerOptions _options;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, JsonObject> _cache = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Action<InformerEvent>> _handlers = [];

    public Informer(KubernetesClient client, ResourceType type, string? ns = null, InformerOptions? options = null)
    {
        _client = client;
        _type = type;
        _namespace = ns;
        _options = options ?? new InformerOptions();
    }

    /// <summary>The last resourceVersion the cache is known to be current at.</summary>
    public string? ResourceVersion { get; private set; }

    /// <summary>How many lists filled the cache (1 plus one per 410 Gone).</summary>
    public int Lists { get; private set; }

    /// <summary>How many watches were opened.</summary>
    public int Watches { get; private set; }

    /// <summary>Completes once the first list is in the cache.</summary>
    public Task Synced => _synced.Task;

    /// <summary>A snapshot of the cached objects.</summary>
    public IReadOnlyList<JsonObject> Items
    {
        get
        {
            lock (_gate)
            {
                return [.. _cache.Values];
            }
        }
    }

    /// <summary>Calls <paramref name="handler"/> for every change, in order, on the informer's loop.</summary>
    public void Subscribe(Action<InformerEvent> handler)
    {
        lock (_gate)
        {
            _handlers.Add(handler);
        }
    }

    public JsonObject? Get(string? ns, string name)
    {
        lock (_gate)
        {
            return _cache.GetValueOrDefault(Key(ns, name));
        }
    }

    /// <summary>Runs until cancelled, recovering from dropped connections, 410 Gone and server errors.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var needList = true;
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (needList)
                {
                    await RelistAsync(cancellationToken);
                    needList = false;
                }

                Watches++;
                var watch = new WatchOptions
                {
                    ResourceVersion = ResourceVersion,
                    LabelSelector = _options.LabelSelector,
                    FieldSelector = _options.FieldSelector,
                    TimeoutSeconds = _options.WatchTimeoutSeconds,
                };
                await foreach (var change in _client.WatchAsync(_type, _namespace, watch, cancellationToken))
                {
                    Apply(change);
                    failures = 0;
                }

                failures = 0;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (KubernetesGoneException gone)
            {
                _options.OnError?.Invoke(gone);
                needList = true;
            }
            catch (Exception error) when (error is HttpRequestException or IOException or KubernetesApiException or System.Text.Json.JsonException or OperationCanceledException)
            {
                _options.OnError?.Invoke(error);
                if (failures++ > 0)
                {
                    var wait = TimeSpan.FromMilliseconds(Math.Min(_options.FailureBackoff.TotalMilliseconds * Math.Pow(2, failures - 1), 30_000));
                    await Task.Delay(wait, _options.TimeProvider, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
                }
            }
        }
    }

    private async Task RelistAsync(CancellationToken cancellationToken)
    {
        var list = await _client.ListAllAsync(_type, _namespace, new ListOptions
        {
            LabelSelector = _options.LabelSelector,
            FieldSelector = _options.FieldSelector,
            Limit = _options.PageSize,
        }, cancellationToken);
        Lists++;
        var events = new List<InformerEvent>();
        lock (_gate)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in list.Items)
            {
                var key = Key(ObjectMeta.Namespace(item), ObjectMeta.Name(item) ?? "");
                seen.Add(key);
                if (_cache.TryGetValue(key, out var previous))
                {
                    if (ObjectMeta.ResourceVersion(previous) != ObjectMeta.ResourceVersion(item))
                    {
                        events.Add(new InformerEvent(WatchEventType.Modified, item, previous));
                    }
                }
                else
                {
                    events.Add(new InformerEvent(WatchEventType.Added, item, null));
                }

                _cache[key] = item;
            }

            foreach (var gone in _cache.Keys.Where(k => !seen.Contains(k)).ToList())
            {
                events.Add(new InformerEvent(WatchEventType.Deleted, _cache[gone], null));
                _cache.Remove(gone);
            }

            ResourceVersion = list.ResourceVersion;
        }

        Publish(events);
        _synced.TrySetResult();
    }

    private void Apply(WatchEvent change)
    {
        InformerEvent? published = null;
        lock (_gate)
        {
            if (change.Type != WatchEventType.Bookmark)
            {
                var key = Key(ObjectMeta.Namespace(change.Object), ObjectMeta.Name(change.Object) ?? "");
                var previous = _cache.GetValueOrDefault(key);
                if (change.Type == WatchEventType.Deleted)
                {
                    if (_cache.Remove(key))
                    {
                        published = new InformerEvent(WatchEventType.Deleted, change.Object, previous);
                    }
                }
                else if (previous is null || ObjectMeta.ResourceVersion(previous) != change.ResourceVersion)
                {
                    _cache[key] = change.Object;
                    published = new InformerEvent(previous is null ? WatchEventType.Added : WatchEventType.Modified, change.Object, previous);
                }
            }

            if (change.ResourceVersion is { Length: > 0 } rv)
            {
                ResourceVersion = rv;
            }
        }

        if (published is not null)
        {
            Publish([published]);
        }
    }

    private void Publish(List<InformerEvent> events)
    {
        Action<InformerEvent>[] handlers;
        lock (_gate)
        {
            handlers = [.. _handlers];
        }

        foreach (var change in events)
        {
            foreach (var handler in handlers)
            {
                try
                {
                    handler(change);
                }
                catch (Exception error)
                {
                    // One broken subscriber must not stop the cache, nor keep the others from their events.
                    _options.OnError?.Invoke(error);
                }
            }
        }
    }

    private static string Key(string? ns, string name) => ns is null ? name : $"{ns}/{name}";
}
