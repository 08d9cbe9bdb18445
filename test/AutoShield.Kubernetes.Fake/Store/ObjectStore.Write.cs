using System.Text.Json.Nodes;
using AutoShield.Kubernetes.Fake.Api;
using AutoShield.Kubernetes.Fake.Resources;

namespace AutoShield.Kubernetes.Fake.Store;

public sealed partial class ObjectStore
{
    /// <summary>Creates an object: 409 AlreadyExists, 422 Invalid, 404 for a missing namespace, as a real server answers.</summary>
    public JsonObject Create(FakeResourceKind kind, string? ns, JsonObject obj, StoreWriteOptions options)
    {
        var created = (JsonObject)obj.DeepClone();
        created["apiVersion"] = kind.ApiVersion;
        created["kind"] = kind.Kind;
        if (created["metadata"] is not JsonObject)
        {
            created["metadata"] = new JsonObject();
        }

        var meta = Meta(created);
        if (Text(meta["resourceVersion"]) is { Length: > 0 })
        {
            // The storage layer refuses this with a plain error, which the API server answers as InternalError.
            throw new ApiError(500, "InternalError", "resourceVersion should not be set on objects to be created");
        }

        lock (_gate)
        {
            if (kind.Namespaced)
            {
                meta["namespace"] = ns;
                RequireLiveNamespace(ns!, options.Seeding);
            }
            else
            {
                meta.Remove("namespace");
            }

            if (string.IsNullOrEmpty(Text(meta["name"])) && Text(meta["generateName"]) is { Length: > 0 } prefix)
            {
                meta["name"] = prefix + RandomSuffix();
            }

            var causes = ObjectValidator.Validate(kind, created);
            if (causes.Count > 0)
            {
                throw ApiError.Invalid(kind.Kind, kind.Group, Text(meta["name"]) ?? "", causes);
            }

            var name = Text(meta["name"])!;
            var bucket = Bucket(kind);
            var key = Key(kind, ns, name);
            if (bucket.ContainsKey(key))
            {
                throw ApiError.AlreadyExists(kind.Plural, kind.Group, name);
            }

            meta["uid"] = NewUid();
            meta["creationTimestamp"] = Timestamp();
            meta["generation"] = 1;
            foreach (var serverOwned in new[] { "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink" })
            {
                meta.Remove(serverOwned);
            }

            if (kind.HasStatus && !options.Seeding)
            {
                created.Remove("status");
                if (kind.Kind == "Pod")
                {
                    created["status"] = new JsonObject { ["phase"] = "Pending" };
                }
            }

            Manage(created, options, "Update");
            if (options.DryRun)
            {
                meta.Remove("resourceVersion");
                return created;
            }

            meta["resourceVersion"] = (++_resourceVersion).ToString(System.Globalization.CultureInfo.InvariantCulture);
            bucket[key] = created;
            Record(kind, "ADDED", created, null, _resourceVersion);
            return (JsonObject)created.DeepClone();
        }
    }

    /// <summary>
    /// Replaces an object (PUT): 404 when it is missing, 409 Conflict when the body carries a stale resourceVersion,
    /// 422 when the result is invalid. A main write keeps the stored status; a status write changes only status.
    /// </summary>
    public JsonObject Update(FakeResourceKind kind, string? ns, string name, JsonObject obj, StoreWriteOptions options, bool statusOnly = false)
    {
        lock (_gate)
        {
            return UpdateLocked(kind, ns, name, obj, options, statusOnly);
        }
    }

    private JsonObject UpdateLocked(FakeResourceKind kind, string? ns, string name, JsonObject obj, StoreWriteOptions options, bool statusOnly)
    {
        {
            var bucket = Bucket(kind);
            var key = Key(kind, ns, name);
            if (!bucket.TryGetValue(key, out var current))
            {
                throw ApiError.NotFound(kind.Plural, kind.Group, name);
            }

            var incoming = Meta(obj);
            if (Text(incoming["name"]) is { } bodyName && bodyName != name)
            {
                throw ApiError.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
            }

            var currentMeta = Meta(current);
            if (Text(incoming["resourceVersion"]) is { Length: > 0 } expected && expected != Text(currentMeta["resourceVersion"]))
            {
                throw ApiError.Conflict(kind.Plural, kind.Group, name, "the object has been modified; please apply your changes to the latest version and try again");
            }

            if (Text(incoming["uid"]) is { Length: > 0 } uid && uid != Text(currentMeta["uid"]))
            {
                throw ApiError.Conflict(kind.Plural, kind.Group, name, $"Precondition failed: UID in precondition: {uid}, UID in object meta: {Text(currentMeta["uid"])}");
            }

            var updated = statusOnly ? WithStatusOf(current, obj) : WithServerFields(kind, current, obj, ns);
            var causes = ObjectValidator.Validate(kind, updated);
            if (causes.Count > 0)
            {
                throw ApiError.Invalid(kind.Kind, kind.Group, name, causes);
            }

            Manage(updated, options, "Update");
            var unchanged = JsonNode.DeepEquals(WithoutVolatile(updated), WithoutVolatile(current));
            if (options.DryRun || unchanged)
            {
                return (JsonObject)(unchanged ? current : updated).DeepClone();
            }

            if (!statusOnly && !JsonNode.DeepEquals(Spec(updated), Spec(current)))
            {
                Meta(updated)["generation"] = Number(currentMeta["generation"]) + 1;
            }

            var rv = ++_resourceVersion;
            Meta(updated)["resourceVersion"] = rv.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (Meta(updated)["deletionTimestamp"] is not null && Meta(updated)["finalizers"] is not JsonArray { Count: > 0 })
            {
                bucket.Remove(key);
                Record(kind, "DELETED", updated, current, rv);
                return (JsonObject)updated.DeepClone();
            }

            bucket[key] = updated;
            Record(kind, "MODIFIED", updated, current, rv);
            return (JsonObject)updated.DeepClone();
        }
    }

    /// <summary>Reads the object, applies <paramref name="patch"/> to a copy and writes it back, all under the lock.</summary>
    public JsonObject Patch(FakeResourceKind kind, string? ns, string name, Func<JsonObject, JsonObject> patch, StoreWriteOptions options, bool statusOnly = false)
    {
        lock (_gate)
        {
            if (!Bucket(kind).TryGetValue(Key(kind, ns, name), out var current))
            {
                throw ApiError.NotFound(kind.Plural, kind.Group, name);
            }

            var patched = patch((JsonObject)current.DeepClone());
            if (patched["metadata"] is not JsonObject)
            {
                throw ApiError.BadRequest("the patch removed metadata");
            }

            return UpdateLocked(kind, ns, name, patched, options, statusOnly);
        }
    }

    private static JsonObject WithServerFields(FakeResourceKind kind, JsonObject current, JsonObject obj, string? ns)
    {
        var updated = (JsonObject)obj.DeepClone();
        updated["apiVersion"] = kind.ApiVersion;
        updated["kind"] = kind.Kind;
        var meta = Meta(updated);
        var currentMeta = Meta(current);
        foreach (var field in new[] { "uid", "creationTimestamp", "generation", "deletionTimestamp", "deletionGracePeriodSeconds", "name" })
        {
            meta[field] = currentMeta[field]?.DeepClone();
            if (meta[field] is null)
            {
                meta.Remove(field);
            }
        }

        if (kind.Namespaced)
        {
            meta["namespace"] = ns;
        }

        if (meta["managedFields"] is null && currentMeta["managedFields"] is { } managed)
        {
            meta["managedFields"] = managed.DeepClone();
        }

        if (kind.HasStatus)
        {
            updated["status"] = current["status"]?.DeepClone();
            if (updated["status"] is null)
            {
                updated.Remove("status");
            }
        }

        return updated;
    }

    private static JsonObject WithStatusOf(JsonObject current, JsonObject obj)
    {
        var updated = (JsonObject)current.DeepClone();
        updated["status"] = obj["status"]?.DeepClone();
        if (updated["status"] is null)
        {
            updated.Remove("status");
        }

        return updated;
    }

    private void Manage(JsonObject obj, StoreWriteOptions options, string operation)
    {
        if (options.FieldManager is not { Length: > 0 } manager)
        {
            return;
        }

        var meta = Meta(obj);
        var entries = meta["managedFields"] as JsonArray ?? [];
        var kept = entries.Where(e => !(Text(e?["manager"]) == manager && Text(e?["operation"]) == operation)).Select(e => e?.DeepClone()).ToList();
        kept.Add(new JsonObject
        {
            ["manager"] = manager,
            ["operation"] = operation,
            ["apiVersion"] = Text(obj["apiVersion"]),
            ["time"] = Timestamp(),
            ["fieldsType"] = "FieldsV1",
        });
        meta["managedFields"] = new JsonArray([.. kept]);
    }

    private static long Number(JsonNode? node) => node is JsonValue value
        ? value.TryGetValue<long>(out var l) ? l : value.TryGetValue<int>(out var i) ? i : 0
        : 0;

    private static JsonObject WithoutVolatile(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        var meta = Meta(copy);
        meta.Remove("resourceVersion");
        meta.Remove("managedFields");
        return copy;
    }

    private static JsonObject Spec(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        copy.Remove("metadata");
        copy.Remove("status");
        return copy;
    }

    private void RequireLiveNamespace(string ns, bool seeding)
    {
        var namespaces = _objects.GetValueOrDefault((string.Empty, "namespaces"));
        if (namespaces is not null && namespaces.TryGetValue(ns, out var existing))
        {
            if (Meta(existing)["deletionTimestamp"] is not null)
            {
                throw new ApiError(403, "Forbidden", $"unable to create new content in namespace {ns} because it is being terminated");
            }

            return;
        }

        if (!seeding)
        {
            throw ApiError.NotFound("namespaces", "", ns);
        }

        var rv = ++_resourceVersion;
        var created = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = new JsonObject
            {
                ["name"] = ns,
                ["uid"] = NewUid(),
                ["creationTimestamp"] = Timestamp(),
                ["resourceVersion"] = rv.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            ["status"] = new JsonObject { ["phase"] = "Active" },
        };
        var kind = new FakeResourceKind("", "v1", "namespaces", "Namespace", false);
        Bucket(kind)[ns] = created;
        Record(kind, "ADDED", created, null, rv);
    }
}
