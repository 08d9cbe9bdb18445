using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AutoShield.Kubernetes.Fake.Patching;
using AutoShield.Kubernetes.Fake.Resources;
using AutoShield.Kubernetes.Fake.Selectors;
using AutoShield.Kubernetes.Fake.Store;
using Microsoft.AspNetCore.Http;

namespace AutoShield.Kubernetes.Fake.Api;

/// <summary>get, list, create, update, patch, delete and deletecollection on one resource, with their query parameters.</summary>
internal sealed class ResourceVerbs
{
    private readonly FakeKubernetesServer _server;
    private readonly FakeResourceKind _kind;
    private readonly ApiRoute _route;
    private readonly HttpContext _context;

    public ResourceVerbs(FakeKubernetesServer server, FakeResourceKind kind, ApiRoute route, HttpContext context)
    {
        _server = server;
        _kind = kind;
        _route = route;
        _context = context;
    }

    private ObjectStore Store => _server.Store;

    private IQueryCollection Query => _context.Request.Query;

    public async Task<(int Status, JsonNode Body)> ExecuteAsync(string verb)
    {
        var statusOnly = RequireSubresource();
        return verb switch
        {
            "get" => (200, Store.Get(_kind, _route.Namespace, _route.Name!) ?? throw ApiError.NotFound(_kind.Plural, _kind.Group, _route.Name!)),
            "list" => (200, List()),
            "create" when _route.Subresource == "eviction" => await EvictAsync(),
            "create" => (201, Store.Create(_kind, _route.Namespace, await BodyAsync(), Options())),
            "update" => (200, Store.Update(_kind, _route.Namespace, _route.Name!, await BodyAsync(), Options(), statusOnly)),
            "patch" => (200, await PatchAsync(statusOnly)),
            "delete" => (200, await DeleteAsync()),
            "deletecollection" => (200, DeleteCollection()),
            _ => throw new ApiError(405, "MethodNotAllowed", "the server does not allow this method on the requested resource"),
        };
    }

    private bool RequireSubresource()
    {
        return _route.Subresource switch
        {
            null => false,
            "status" when _kind.HasStatus => true,
            "eviction" when _kind.Kind == "Pod" && _context.Request.Method == "POST" => false,
            _ => throw new ApiError(404, "NotFound", "the server could not find the requested resource"),
        };
    }

    private StoreWriteOptions Options()
    {
        var dryRun = Query["dryRun"].ToString();
        if (dryRun.Length > 0 && dryRun != "All")
        {
            throw ApiError.BadRequest($"Invalid dry run value \"{dryRun}\"; supported values: All");
        }

        var manager = Query["fieldManager"].ToString();
        if (manager.Length > 128)
        {
            throw new ApiError(422, "Invalid", "fieldManager: Too long: may not be longer than 128");
        }

        return new StoreWriteOptions(dryRun == "All", manager.Length > 0 ? manager : UserAgentProduct());
    }

    private string? UserAgentProduct()
    {
        var agent = _context.Request.Headers.UserAgent.ToString();
        return agent.Length == 0 ? null : agent.Split('/', ' ')[0];
    }

    private async Task<JsonObject> BodyAsync()
    {
        var node = await JsonNode.ParseAsync(_context.Request.Body, cancellationToken: _context.RequestAborted);
        if (node is not JsonObject obj)
        {
            throw ApiError.BadRequest("the body of the request must be a JSON object");
        }

        if (_route.Subresource is null)
        {
            CheckTypeAndNamespace(obj);
        }

        return obj;
    }

    private void CheckTypeAndNamespace(JsonObject obj)
    {
        var apiVersion = obj["apiVersion"]?.GetValue<string>();
        var kind = obj["kind"]?.GetValue<string>();
        if ((apiVersion is not null && apiVersion != _kind.ApiVersion) || (kind is not null && kind != _kind.Kind))
        {
            throw ApiError.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({_kind.ApiVersion})");
        }

        var ns = obj["metadata"]?["namespace"]?.GetValue<string>();
        if (_kind.Namespaced && ns is { Length: > 0 } && ns != _route.Namespace)
        {
            throw ApiError.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
    }

    private JsonObject List()
    {
        var labels = LabelSelector.TryParse(Query["labelSelector"], out var labelError) ?? throw ApiError.BadRequest(labelError);
        var fields = FieldSelector.TryParse(Query["fieldSelector"], _kind.SelectableFields, out var fieldError) ?? throw ApiError.BadRequest(fieldError);
        var (items, rv) = Store.List(_kind, _route.Namespace, o => labels.Matches(o["metadata"]?["labels"] as JsonObject) && fields.Matches(o));
        var listRv = rv;
        var after = "";
        if (Query["continue"].ToString() is { Length: > 0 } token)
        {
            (listRv, after) = DecodeContinue(token);
        }

        var page = items.Where(o => string.CompareOrdinal(KeyOf(o), after) > 0).ToList();
        var metadata = new JsonObject { ["resourceVersion"] = listRv.ToString(CultureInfo.InvariantCulture) };
        if (int.TryParse(Query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0 && page.Count > limit)
        {
            page = page.Take(limit).ToList();
            metadata["continue"] = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{listRv}|{KeyOf(page[^1])}"));
            metadata["remainingItemCount"] = items.Count(o => string.CompareOrdinal(KeyOf(o), after) > 0) - limit;
        }

        var array = new JsonArray();
        foreach (var item in page)
        {
            if (_kind.StrategicMerge)
            {
                // Built-in list items come without kind and apiVersion, exactly as from a real API server.
                item.Remove("kind");
                item.Remove("apiVersion");
            }

            array.Add(item);
        }

        return new JsonObject { ["kind"] = _kind.ListKind, ["apiVersion"] = _kind.ApiVersion, ["metadata"] = metadata, ["items"] = array };
    }

    private (long ResourceVersion, string After) DecodeContinue(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            var rv = long.Parse(text[..bar], CultureInfo.InvariantCulture);
            if (Store.IsCompacted(rv))
            {
                throw new ApiError(410, "Expired", "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.");
            }

            return (rv, text[(bar + 1)..]);
        }
        catch (FormatException)
        {
            throw ApiError.BadRequest("continue key is not valid");
        }
    }

    private string KeyOf(JsonObject obj)
    {
        var name = obj["metadata"]?["name"]?.GetValue<string>() ?? "";
        return _kind.Namespaced ? $"{obj["metadata"]?["namespace"]?.GetValue<string>()}/{name}" : name;
    }

    private async Task<JsonObject> PatchAsync(bool statusOnly)
    {
        var mediaType = _context.Request.ContentType?.Split(';')[0].Trim() ?? "";
        var patch = await JsonNode.ParseAsync(_context.Request.Body, cancellationToken: _context.RequestAborted);
        Func<JsonObject, JsonObject> apply = mediaType switch
        {
            "application/merge-patch+json" => current => MergePatch.Apply(current, patch) as JsonObject ?? throw ApiError.BadRequest("merge patch must be an object"),
            "application/json-patch+json" => current => JsonPatch.Apply(current, patch) as JsonObject ?? throw ApiError.BadRequest("json patch must leave an object"),
            "application/strategic-merge-patch+json" when _kind.StrategicMerge => current => StrategicMergePatch.Apply(current, patch),
            "application/strategic-merge-patch+json" => throw new ApiError(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml"),
            _ => throw new ApiError(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json"),
        };
        return Store.Patch(_kind, _route.Namespace, _route.Name!, current =>
        {
            var result = apply(current);
            if (result["metadata"]?["name"]?.GetValue<string>() is { } renamed && renamed != _route.Name)
            {
                throw ApiError.BadRequest($"the name of the object ({renamed}) does not match the name on the URL ({_route.Name})");
            }

            return result;
        }, Options(), statusOnly);
    }

    private async Task<JsonObject> DeleteAsync()
    {
        var (uid, rv, dryRun) = await DeleteOptionsAsync();
        var options = Options();
        options = options with { DryRun = options.DryRun || dryRun };
        return Store.Delete(_kind, _route.Namespace, _route.Name!, uid, rv, options, _server.Resources.All);
    }

    private async Task<(string? Uid, string? ResourceVersion, bool DryRun)> DeleteOptionsAsync()
    {
        if (_context.Request.ContentLength is null or 0 && !_context.Request.Headers.TransferEncoding.Any())
        {
            return (null, null, false);
        }

        var body = await JsonNode.ParseAsync(_context.Request.Body, cancellationToken: _context.RequestAborted) as JsonObject;
        var dryRun = body?["dryRun"] is JsonArray modes && modes.Any(m => m?.GetValue<string>() == "All");
        return (body?["preconditions"]?["uid"]?.GetValue<string>(), body?["preconditions"]?["resourceVersion"]?.GetValue<string>(), dryRun);
    }

    private JsonObject DeleteCollection()
    {
        var listed = List();
        var deleted = new JsonArray();
        foreach (var item in listed["items"]!.AsArray())
        {
            var name = item!["metadata"]!["name"]!.GetValue<string>();
            var ns = item["metadata"]?["namespace"]?.GetValue<string>();
            deleted.Add(Store.Delete(_kind, ns, name, null, null, Options(), _server.Resources.All));
        }

        listed["items"] = deleted;
        return listed;
    }

    private async Task<(int, JsonNode)> EvictAsync()
    {
        var eviction = await BodyAsync();
        var options = eviction["deleteOptions"] as JsonObject;
        var uid = options?["preconditions"]?["uid"]?.GetValue<string>();
        var rv = options?["preconditions"]?["resourceVersion"]?.GetValue<string>();
        Store.Delete(_kind, _route.Namespace, _route.Name!, uid, rv, Options(), _server.Resources.All);
        return (201, StatusObjects.Success(201));
    }
}
