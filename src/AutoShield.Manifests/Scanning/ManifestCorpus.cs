using AutoShield.Manifests.Model;

namespace AutoShield.Manifests.Scanning;

/// <summary>
/// All objects of one scan with the indexes cross-object checks need: by kind, workloads by namespace, and workloads
/// by (namespace, label, value) so selector matching stays near-linear in the number of objects.
/// </summary>
public sealed class ManifestCorpus
{
    private static readonly List<ManifestObject> None = [];
    private readonly Dictionary<string, List<ManifestObject>> _byKind = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ManifestObject>> _workloadsByNamespace = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Namespace, string Key, string Value), List<ManifestObject>> _byLabel = [];

    public ManifestCorpus(IReadOnlyList<ManifestObject> objects)
    {
        Objects = objects;
        foreach (var obj in objects)
        {
            Add(_byKind, obj.Kind, obj);
            if (obj.PodSpec is not { } pod)
            {
                continue;
            }

            var ns = NamespaceOf(obj);
            Add(_workloadsByNamespace, ns, obj);
            if (pod.Labels is { IsMapping: true } labels)
            {
                for (var i = 0; i < labels.Count; i++)
                {
                    var key = (ns, labels.KeyAt(i).Value ?? "", labels.ValueAt(i).AsString() ?? "");
                    if (!_byLabel.TryGetValue(key, out var list))
                    {
                        _byLabel[key] = list = [];
                    }

                    list.Add(obj);
                }
            }
        }
    }

    public IReadOnlyList<ManifestObject> Objects { get; }

    /// <summary>The namespace key objects are grouped by: metadata.namespace, or "" when the applier decides.</summary>
    public static string NamespaceOf(ManifestObject obj) => obj.Namespace ?? "";

    public IReadOnlyList<ManifestObject> OfKind(string kind) => _byKind.TryGetValue(kind, out var list) ? list : None;

    public IReadOnlyList<ManifestObject> WorkloadsIn(string ns) => _workloadsByNamespace.TryGetValue(ns, out var list) ? list : None;

    public IEnumerable<string> WorkloadNamespaces => _workloadsByNamespace.Keys;

    /// <summary>Workloads in <paramref name="ns"/> whose pod template labels the selector matches.</summary>
    public IEnumerable<ManifestObject> WorkloadsMatching(string ns, LabelSelector selector)
    {
        IReadOnlyList<ManifestObject> candidates = WorkloadsIn(ns);
        foreach (var (key, value) in selector.Equalities)
        {
            var list = _byLabel.TryGetValue((ns, key, value), out var found) ? found : None;
            if (list.Count < candidates.Count)
            {
                candidates = list;
            }
        }

        return candidates.Where(w => selector.Matches(w.PodSpec!.Labels));
    }

    private static void Add(Dictionary<string, List<ManifestObject>> map, string key, ManifestObject obj)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(obj);
    }
}
