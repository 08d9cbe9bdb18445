using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using AutoShield.Kubernetes.Client.Errors;
using AutoShield.Kubernetes.Config;
using AutoShield.Kubernetes.Watch;

namespace AutoShield.Kubernetes.Client;

/// <summary>
/// A typed client of the Kubernetes REST API over HttpClient. Objects stay JSON (<see cref="JsonObject"/>) so fields
/// this code does not know round-trip untouched. Errors arrive as <see cref="KubernetesApiException"/> subclasses.
/// A null namespace means the connection's default namespace for single-object verbs, and all namespaces for list
/// and watch; cluster-scoped types ignore it.
/// </summary>
public sealed class KubernetesClient : IDisposable
{
    private readonly RequestSender _sender;
    private readonly KubernetesClientOptions _options;

    public KubernetesClient(KubernetesConnection connection, KubernetesClientOptions? options = null)
        : this(connection, options, handler: null)
    {
    }

    internal KubernetesClient(KubernetesConnection connection, KubernetesClientOptions? options, HttpMessageHandler? handler)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Connection = connection;
        _options = options ?? new KubernetesClientOptions();
        _sender = new RequestSender(connection, _options, handler);
    }

    public KubernetesConnection Connection { get; }

    /// <summary>The namespace of the kubeconfig context (or service account).</summary>
    public string DefaultNamespace => Connection.Namespace;

    /// <summary>Reads one object (or a subresource such as "status").</summary>
    public async Task<JsonObject> GetAsync(ResourceType type, string? ns, string name, string? subresource = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(type);
        var path = ResourcePaths.For(type, Ns(type, ns), name, subresource);
        return WithType(await SendJsonAsync(HttpMethod.Get, path, null, null, idempotent: true, cancellationToken), type);
    }

    /// <summary>Reads one object, or null when it does not exist.</summary>
    public async Task<JsonObject?> TryGetAsync(ResourceType type, string? ns, string name, CancellationToken cancellationToken = default)
    {
        try
        {
            return await GetAsync(type, ns, name, null, cancellationToken);
        }
        catch (KubernetesNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Lists one page; items get the kind and apiVersion that the API server leaves out of list items.</summary>
    public async Task<ResourceList> ListAsync(ResourceType type, string? ns = null, ListOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(type);
        options ??= new ListOptions();
        var path = ResourcePaths.WithQuery(ResourcePaths.For(type, ns), [
            ("labelSelector", options.LabelSelector),
            ("fieldSelector", options.FieldSelector),
            ("limit", options.Limit?.ToString(CultureInfo.InvariantCulture)),
            ("continue", options.Continue),
            ("resourceVersion", options.ResourceVersion),
        ]);
        var list = await SendJsonAsync(HttpMethod.Get, path, null, null, idempotent: true, cancellationToken);
        var items = (list["items"] as JsonArray ?? []).OfType<JsonObject>().Select(i => WithType((JsonObject)i.DeepClone(), type)).ToList();
        var continueToken = list["metadata"]?["continue"]?.GetValue<string>();
        return new ResourceList(items, list["metadata"]?["resourceVersion"]?.GetValue<string>() ?? "", string.IsNullOrEmpty(continueToken) ? null : continueToken);
    }

    /// <summary>Lists every page (following continue tokens) and returns all items with the first page's resourceVersion.</summary>
    public async Task<ResourceList> ListAllAsync(ResourceType type, string? ns = null, ListOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ListOptions();
        var items = new List<JsonObject>();
        var page = await ListAsync(type, ns, options, cancellationToken);
        var resourceVersion = page.ResourceVersion;
        items.AddRange(page.Items);
        while (page.Continue is not null)
        {
            page = await ListAsync(type, ns, options with { Continue = page.Continue, ResourceVersion = null }, cancellationToken);
            items.AddRange(page.Items);
        }

        return new ResourceList(items, resourceVersion, null);
    }

    /// <summary>
    /// Creates an object (namespace from <paramref name="ns"/>, else the object, else the default). A create is not
    /// retried blindly: after an answer-less failure or a 5xx it reads the name back, retries only if the object is
    /// absent, and returns the stored object if it is there (the lost attempt made it). A resourceVersion in the
    /// object is dropped, so a copy of another object can be created.
    /// </summary>
    public async Task<JsonObject> CreateAsync(ResourceType type, string? ns, JsonObject obj, WriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(obj);
        var target = type.Namespaced ? ns ?? ObjectMeta.Namespace(obj) ?? DefaultNamespace : null;
        var path = ResourcePaths.WithQuery(ResourcePaths.For(type, target), WriteQuery(options));
        var body = WithType((JsonObject)obj.DeepClone(), type);

        // A copy of a stored object carries its resourceVersion, which a create must not (the server refuses it).
        (body["metadata"] as JsonObject)?.Remove("resourceVersion");
        var name = ObjectMeta.Name(obj);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return WithType(await SendJsonAsync(HttpMethod.Post, path, body, "application/json", idempotent: false, cancellationToken), type);
            }
            catch (Exception error) when (name is not null && attempt < _options.MaxRetries && IsAmbiguous(error, cancellationToken))
            {
                if (options?.DryRun != true && await TryGetAsync(type, target, name, cancellationToken) is { } existing)
                {
                    return existing;
                }

                var delay = _sender.Backoff(attempt);
                _sender.NotifyRetry(new RetryAttempt("POST", path, attempt, (error as KubernetesApiException)?.StatusCode, error, delay));
                await Task.Delay(delay, _sender.Time, cancellationToken);
            }
        }
    }

    /// <summary>Replaces an object (PUT); a resourceVersion in it makes the write fail with 409 if the object changed.</summary>
    public async Task<JsonObject> ReplaceAsync(ResourceType type, string? ns, JsonObject obj, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        await PutAsync(type, ns, obj, null, options, cancellationToken);

    /// <summary>Replaces an object's status subresource.</summary>
    public async Task<JsonObject> ReplaceStatusAsync(ResourceType type, string? ns, JsonObject obj, WriteOptions? options = null, CancellationToken cancellationToken = default) =>
        await PutAsync(type, ns, obj, "status", options, cancellationToken);

    /// <summary>Patches an object (or a subresource) with a merge, strategic-merge or JSON patch.</summary>
    public async Task<JsonObject> PatchAsync(ResourceType type, string? ns, string name, PatchType patchType, JsonNode patch, WriteOptions? options = null, string? subresource = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(patch);
        var path = ResourcePaths.WithQuery(ResourcePaths.For(type, Ns(type, ns), name, subresource), WriteQuery(options));
        var mediaType = patchType switch
        {
            PatchType.Merge => "application/merge-patch+json",
            PatchType.StrategicMerge => "application/strategic-merge-patch+json",
            _ => "application/json-patch+json",
        };

        // A JSON patch that appends or moves is not safe to repeat unless a test operation guards it.
        var idempotent = patchType != PatchType.Json || (patch is JsonArray ops && ops.Any(o => o?["op"]?.GetValue<string>() == "test"));
        return WithType(await SendJsonAsync(HttpMethod.Patch, path, patch, mediaType, idempotent, cancellationToken), type);
    }

    /// <summary>Deletes an object; returns what the server answered (the object, or a Status).</summary>
    public async Task<JsonObject> DeleteAsync(ResourceType type, string? ns, string name, DeleteOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(type);
        options ??= new DeleteOptions();
        var path = ResourcePaths.WithQuery(ResourcePaths.For(type, Ns(type, ns), name), [
            ("dryRun", options.DryRun ? "All" : null),
            ("propagationPolicy", options.PropagationPolicy),
            ("gracePeriodSeconds", options.GracePeriodSeconds?.ToString(CultureInfo.InvariantCulture)),
        ]);
        JsonObject? body = null;
        if (options.PreconditionUid is not null || options.PreconditionResourceVersion is not null)
        {
            var preconditions = new JsonObject();
            if (options.PreconditionUid is not null)
            {
                preconditions["uid"] = options.PreconditionUid;
            }

            if (options.PreconditionResourceVersion is not null)
            {
                preconditions["resourceVersion"] = options.PreconditionResourceVersion;
            }

            body = new JsonObject { ["kind"] = "DeleteOptions", ["apiVersion"] = "v1", ["preconditions"] = preconditions };
        }

        return await SendJsonAsync(HttpMethod.Delete, path, body, body is null ? null : "application/json", idempotent: true, cancellationToken);
    }

    /// <summary>Deletes every object a list with these selectors would return; returns the list of deleted objects.</summary>
    public async Task<ResourceList> DeleteCollectionAsync(ResourceType type, string? ns, ListOptions? selection = null, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(type);
        selection ??= new ListOptions();
        var path = ResourcePaths.WithQuery(ResourcePaths.For(type, Ns(type, ns)), [
            ("labelSelector", selection.LabelSelector),
            ("fieldSelector", selection.FieldSelector),
            ("dryRun", dryRun ? "All" : null),
        ]);
        var list = await SendJsonAsync(HttpMethod.Delete, path, null, null, idempotent: true, cancellationToken);
        var items = (list["items"] as JsonArray ?? []).OfType<JsonObject>().Select(i => WithType((JsonObject)i.DeepClone(), type)).ToList();
        return new ResourceList(items, list["metadata"]?["resourceVersion"]?.GetValue<string>() ?? "", null);
    }

    /// <summary>POSTs to a subresource, such as a pod's eviction; returns the answer (often a Status).</summary>
    public async Task<JsonObject> CreateSubresourceAsync(ResourceType type, string? ns, string name, string subresource, JsonObject body, WriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(type);
        var path = ResourcePaths.WithQuery(ResourcePaths.For(type, Ns(type, ns), name, subresource), WriteQuery(options));
        return await SendJsonAsync(HttpMethod.Post, path, body, "application/json", idempotent: false, cancellationToken);
    }

    /// <summary>GETs any API path (discovery, /version) as JSON.</summary>
    public async Task<JsonObject> GetPathAsync(string path, CancellationToken cancellationToken = default) =>
        await SendJsonAsync(HttpMethod.Get, path, null, null, idempotent: true, cancellationToken);

    /// <summary>
    /// Opens one watch connection and yields its events. An ERROR event ends it with the typed exception of its
    /// Status (<see cref="KubernetesGoneException"/> for 410); a dropped connection surfaces as an IOException or
    /// HttpRequestException; the server closing the stream ends the enumeration. <see cref="Watch.Informer"/> handles all three.
    /// </summary>
    public async IAsyncEnumerable<WatchEvent> WatchAsync(ResourceType type, string? ns = null, WatchOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(type);
        options ??= new WatchOptions();
        var path = ResourcePaths.WithQuery(ResourcePaths.For(type, ns), [
            ("watch", "true"),
            ("resourceVersion", options.ResourceVersion),
            ("allowWatchBookmarks", options.AllowBookmarks ? "true" : null),
            ("labelSelector", options.LabelSelector),
            ("fieldSelector", options.FieldSelector),
            ("timeoutSeconds", options.TimeoutSeconds?.ToString(CultureInfo.InvariantCulture)),
        ]);
        // A connection that died without closing would wait forever: give up a while after the server should have ended it.
        using var deadline = options.TimeoutSeconds is { } seconds
            ? new CancellationTokenSource(TimeSpan.FromSeconds(seconds) + WatchGrace, _sender.Time)
            : new CancellationTokenSource();
        using var response = await _sender.SendAsync(HttpMethod.Get, path, null, idempotent: true, streaming: true, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var change in WatchStreamReader.ReadAsync(stream, deadline.Token, cancellationToken))
        {
            yield return new WatchEvent(change.Type, WithType(change.Object, type));
        }
    }

    public void Dispose() => _sender.Dispose();

    private static readonly TimeSpan WatchGrace = TimeSpan.FromSeconds(30);

    internal static bool IsAmbiguous(Exception error, CancellationToken cancellationToken) => error switch
    {
        KubernetesServerErrorException => true,
        HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } } => true,
        HttpRequestException or IOException or TimeoutException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private async Task<JsonObject> PutAsync(ResourceType type, string? ns, JsonObject obj, string? subresource, WriteOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(obj);
        var name = ObjectMeta.Name(obj) ?? throw new ArgumentException("the object has no metadata.name", nameof(obj));
        var target = type.Namespaced ? ns ?? ObjectMeta.Namespace(obj) ?? DefaultNamespace : null;
        var path = ResourcePaths.WithQuery(ResourcePaths.For(type, target, name, subresource), WriteQuery(options));
        var body = WithType((JsonObject)obj.DeepClone(), type);
        return WithType(await SendJsonAsync(HttpMethod.Put, path, body, "application/json", idempotent: true, cancellationToken), type);
    }

    private async Task<JsonObject> SendJsonAsync(HttpMethod method, string path, JsonNode? body, string? mediaType, bool idempotent, CancellationToken cancellationToken)
    {
        var text = body?.ToJsonString();
        Func<HttpContent?>? content = text is null ? null : () =>
        {
            var payload = new StringContent(text, Encoding.UTF8);
            payload.Headers.ContentType = new MediaTypeHeaderValue(mediaType ?? "application/json");
            return payload;
        };
        using var response = await _sender.SendAsync(method, path, content, idempotent, streaming: false, cancellationToken);
        var answer = await response.Content.ReadAsStringAsync(cancellationToken);
        return JsonNode.Parse(answer) as JsonObject ?? throw new KubernetesApiException($"expected a JSON object from {method} {path}");
    }

    private string? Ns(ResourceType type, string? ns) => type.Namespaced ? ns ?? DefaultNamespace : null;

    private static (string, string?)[] WriteQuery(WriteOptions? options) =>
        [("dryRun", options?.DryRun == true ? "All" : null), ("fieldManager", options?.FieldManager)];

    private static JsonObject WithType(JsonObject obj, ResourceType type)
    {
        if (obj["kind"] is null || obj["apiVersion"] is null)
        {
            obj["apiVersion"] ??= type.ApiVersion;
            obj["kind"] ??= type.Kind;
        }

        return obj;
    }
}
