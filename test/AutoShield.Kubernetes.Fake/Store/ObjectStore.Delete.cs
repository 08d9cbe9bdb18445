using System.Globalization;
using System.Text.Json.Nodes;
using AutoShield.Kubernetes.Fake.Api;
using AutoShield.Kubernetes.Fake.Resources;

namespace AutoShield.Kubernetes.Fake.Store;

public sealed partial class ObjectStore
{
    /// <summary>
    /// Deletes an object: 404 when missing, 409 when a uid or resourceVersion precondition fails. An object with
    /// finalizers only gets a deletionTimestamp and goes when an update empties its finalizers; deleting a namespace
    /// deletes what it holds.
    /// </summary>
    public JsonObject Delete(FakeResourceKind kind, string? ns, string name, string? uidPrecondition, string? resourceVersionPrecondition, StoreWriteOptions options, IEnumerable<FakeResourceKind>? namespacedKinds = null)
    {
        lock (_gate)
        {
            var bucket = Bucket(kind);
            var key = Key(kind, ns, name);
            if (!bucket.TryGetValue(key, out var current))
            {
                throw ApiError.NotFound(kind.Plural, kind.Group, name);
            }

            var meta = Meta(current);
            if (uidPrecondition is { Length: > 0 } && uidPrecondition != Text(meta["uid"]))
            {
                throw ApiError.Conflict(kind.Plural, kind.Group, name, $"Precondition failed: UID in precondition: {uidPrecondition}, UID in object meta: {Text(meta["uid"])}");
            }

            if (resourceVersionPrecondition is { Length: > 0 } && resourceVersionPrecondition != Text(meta["resourceVersion"]))
            {
                throw ApiError.Conflict(kind.Plural, kind.Group, name, $"Precondition failed: ResourceVersion in precondition: {resourceVersionPrecondition}, ResourceVersion in object meta: {Text(meta["resourceVersion"])}");
            }

            var result = (JsonObject)current.DeepClone();
            if (options.DryRun)
            {
                return result;
            }

            if (kind.Plural == "namespaces" && kind.Group.Length == 0 && namespacedKinds is not null)
            {
                foreach (var inner in namespacedKinds.Where(k => k.Namespaced))
                {
                    foreach (var child in Bucket(inner).Where(p => p.Key.StartsWith(name + "/", StringComparison.Ordinal)).ToList())
                    {
                        Bucket(inner).Remove(child.Key);
                        var gone = (JsonObject)child.Value.DeepClone();
                        Meta(gone)["resourceVersion"] = (++_resourceVersion).ToString(CultureInfo.InvariantCulture);
                        Record(inner, "DELETED", gone, child.Value, _resourceVersion);
                    }
                }
            }

            var rv = ++_resourceVersion;
            Meta(result)["resourceVersion"] = rv.ToString(CultureInfo.InvariantCulture);
            if (meta["finalizers"] is JsonArray { Count: > 0 })
            {
                Meta(result)["deletionTimestamp"] ??= Timestamp();
                bucket[key] = result;
                Record(kind, "MODIFIED", result, current, rv);
                return (JsonObject)result.DeepClone();
            }

            bucket.Remove(key);
            Record(kind, "DELETED", result, current, rv);
            return (JsonObject)result.DeepClone();
        }
    }
}
