namespace AutoShield.Manifests.Model;

/// <summary>
/// Which kinds carry a pod template and where: the path to the node holding the template's <c>metadata</c> and
/// <c>spec</c> ("" for a Pod itself). Users add workload-like custom kinds (Argo Rollouts, OpenShift
/// DeploymentConfig are in by default) so every pod check applies to them too.
/// </summary>
public sealed class WorkloadKinds
{
    private readonly Dictionary<string, string[]> _paths = new(StringComparer.Ordinal);

    public WorkloadKinds(IEnumerable<KeyValuePair<string, string>> kindToTemplatePath)
    {
        foreach (var (kind, path) in kindToTemplatePath)
        {
            _paths[kind] = path.Split('.', StringSplitOptions.RemoveEmptyEntries);
        }
    }

    public static WorkloadKinds Default { get; } = new(DefaultPaths());

    public IEnumerable<string> Kinds => _paths.Keys;

    public bool IsWorkload(string kind) => _paths.ContainsKey(kind);

    public bool TryGetTemplatePath(string kind, out string[] path) => _paths.TryGetValue(kind, out path!);

    /// <summary>A copy with more kinds (or other paths for existing ones).</summary>
    public WorkloadKinds With(IEnumerable<KeyValuePair<string, string>> extra) =>
        new(_paths.Select(p => KeyValuePair.Create(p.Key, string.Join('.', p.Value))).Concat(extra)
            .GroupBy(p => p.Key).Select(g => g.Last()));

    public static IEnumerable<KeyValuePair<string, string>> DefaultPaths()
    {
        yield return KeyValuePair.Create("Pod", "");
        yield return KeyValuePair.Create("PodTemplate", "template");
        foreach (var kind in new[] { "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "DeploymentConfig", "Rollout" })
        {
            yield return KeyValuePair.Create(kind, "spec.template");
        }

        yield return KeyValuePair.Create("CronJob", "spec.jobTemplate.spec.template");
    }
}
