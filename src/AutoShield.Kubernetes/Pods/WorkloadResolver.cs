using System.Text.Json.Nodes;

namespace AutoShield.Kubernetes.Pods;

/// <summary>
/// Names a pod's workload from its controller ownerReference: a ReplicaSet becomes its Deployment (from the
/// ReplicaSet's own owner when known, else by stripping the pod-template-hash suffix), a Job named like a CronJob's
/// run becomes that CronJob, and StatefulSets, DaemonSets and others are taken as they are.
/// </summary>
internal static class WorkloadResolver
{
    private const string HashAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static WorkloadRef? Resolve(JsonObject pod, IReadOnlyDictionary<string, WorkloadRef?> replicaSetOwners)
    {
        var owner = ControllerOf(pod);
        if (owner is null)
        {
            return null;
        }

        var ns = pod["metadata"]?["namespace"]?.GetValue<string>() ?? "";
        return owner.Kind switch
        {
            "ReplicaSet" when replicaSetOwners.TryGetValue($"{ns}/{owner.Name}", out var known) => known ?? owner,
            "ReplicaSet" => StripHash(owner.Name, Label(pod, "pod-template-hash")) is { } deployment ? new WorkloadRef("Deployment", deployment) : owner,
            "Job" => CronJobOf(owner.Name) is { } cronJob ? new WorkloadRef("CronJob", cronJob) : owner,
            _ => owner,
        };
    }

    /// <summary>The controller owner of any object (or its first owner when none is marked controller).</summary>
    public static WorkloadRef? ControllerOf(JsonObject obj)
    {
        if (obj["metadata"]?["ownerReferences"] is not JsonArray owners || owners.Count == 0)
        {
            return null;
        }

        var chosen = owners.OfType<JsonObject>().FirstOrDefault(o => o["controller"] is JsonValue v && v.TryGetValue<bool>(out var c) && c)
            ?? owners.OfType<JsonObject>().FirstOrDefault();
        var kind = chosen?["kind"]?.GetValue<string>();
        var name = chosen?["name"]?.GetValue<string>();
        return kind is null || name is null ? null : new WorkloadRef(kind, name);
    }

    private static string? StripHash(string replicaSet, string? hash)
    {
        if (hash is { Length: > 0 } && replicaSet.EndsWith("-" + hash, StringComparison.Ordinal))
        {
            return replicaSet[..^(hash.Length + 1)];
        }

        var dash = replicaSet.LastIndexOf('-');
        if (dash <= 0)
        {
            return null;
        }

        var suffix = replicaSet[(dash + 1)..];
        return suffix.Length is >= 5 and <= 10 && suffix.All(c => HashAlphabet.Contains(c, StringComparison.Ordinal)) ? replicaSet[..dash] : null;
    }

    private static string? CronJobOf(string job)
    {
        // A CronJob names each Job "<cronjob>-<scheduled time in minutes since the epoch>".
        var dash = job.LastIndexOf('-');
        return dash > 0 && job.Length - dash - 1 >= 8 && job[(dash + 1)..].All(char.IsAsciiDigit) ? job[..dash] : null;
    }

    private static string? Label(JsonObject obj, string key) =>
        obj["metadata"]?["labels"]?[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
