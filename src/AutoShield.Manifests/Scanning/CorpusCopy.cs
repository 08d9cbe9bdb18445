using AutoShield.Manifests.Model;
using AutoShield.Manifests.Yaml;

namespace AutoShield.Manifests.Scanning;

/// <summary>
/// The part of an object that cross-object checks (<see cref="Checks.ICorpusCheck"/>) read, copied out of its tree
/// so the tree can be dropped once the object's own checks have run: a ServiceAccount's
/// <c>automountServiceAccountToken</c>, <c>spec.selector</c> and <c>spec.podSelector</c>, and of a workload its pod
/// template's labels and the pod spec's <c>automountServiceAccountToken</c>, <c>serviceAccountName</c> and
/// <c>serviceAccount</c>. Copies keep their positions and field paths. A new corpus check that reads more of an
/// object must add it here.
/// </summary>
internal static class CorpusCopy
{
    private static readonly string[] PodSpecFields = ["automountServiceAccountToken", "serviceAccountName", "serviceAccount"];

    public static ManifestObject Prune(ManifestObject obj)
    {
        var source = obj.Root;
        var root = source.CopyEmpty();
        if (!source.IsMapping)
        {
            return obj.WithPrunedRoot(root);
        }

        if (obj.Kind == "ServiceAccount")
        {
            CopyField(source, root, "automountServiceAccountToken");
        }

        if (source.Get("spec") is { IsMapping: true } spec)
        {
            var specCopy = Child(source, root, "spec");
            CopyField(spec, specCopy, "selector");
            CopyField(spec, specCopy, "podSelector");
        }

        if (obj.WorkloadKinds.TryGetTemplatePath(obj.Kind, out var path))
        {
            CopyPodTemplate(source, root, path);
        }

        return obj.WithPrunedRoot(root);
    }

    private static void CopyPodTemplate(ManifestNode source, ManifestNode root, string[] path)
    {
        var from = source;
        var to = root;
        foreach (var part in path)
        {
            if (from.Get(part) is not { IsMapping: true } next)
            {
                return;
            }

            to = Child(from, to, part);
            from = next;
        }

        if (from.Get("spec") is not { IsMapping: true } podSpec)
        {
            return;
        }

        if (from.Get("metadata") is { IsMapping: true } metadata)
        {
            CopyField(metadata, Child(from, to, "metadata"), "labels");
        }

        var specCopy = Child(from, to, "spec");
        foreach (var field in PodSpecFields)
        {
            CopyField(podSpec, specCopy, field);
        }
    }

    /// <summary>The copy of <paramref name="from"/>'s value under <paramref name="key"/> in <paramref name="to"/>, made empty if not there yet.</summary>
    private static ManifestNode Child(ManifestNode from, ManifestNode to, string key)
    {
        if (to.Get(key) is { } existing)
        {
            return existing;
        }

        var value = from.Get(key)!.CopyEmpty();
        to.AddEntry(from.GetKey(key)!.CopyEmpty(), value);
        return value;
    }

    private static void CopyField(ManifestNode from, ManifestNode to, string key)
    {
        if (from.GetKey(key) is { } keyNode && to.Get(key) is null)
        {
            to.AddEntry(keyNode.CopyEmpty(), from.Get(key)!.DeepCopy());
        }
    }
}
