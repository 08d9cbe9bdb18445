using AutoShield.Manifests.Scanning;
using AutoShield.Manifests.Yaml;

namespace AutoShield.Manifests.Model;

/// <summary>
/// Turns parsed documents into objects: one per document, or one per item of a <c>kind: List</c> (and of any
/// <c>*List</c> kind, as kubectl prints them). Documents that are not objects are reported, never thrown.
/// </summary>
internal static class ObjectReader
{
    public static void Read(string source, YamlDocument document, WorkloadKinds workloadKinds, List<ManifestObject> objects, Action<ScanError> onError)
    {
        Add(source, document, document.Root, workloadKinds, objects, onError, nested: false);
    }

    private static void Add(string source, YamlDocument document, ManifestNode node, WorkloadKinds workloadKinds, List<ManifestObject> objects, Action<ScanError> onError, bool nested)
    {
        if (node.IsNull)
        {
            return;
        }

        if (!node.IsMapping)
        {
            onError(new ScanError(source, node.Line, node.Column, "expected a Kubernetes object (a mapping with apiVersion and kind)"));
            return;
        }

        var kind = node.Get("kind")?.AsString();
        var apiVersion = node.Get("apiVersion")?.AsString();
        if (kind is null || apiVersion is null)
        {
            onError(new ScanError(source, node.Line, node.Column, "object without apiVersion or kind; skipped"));
            return;
        }

        if (!nested && kind.EndsWith("List", StringComparison.Ordinal) && node.Get("items") is { } items)
        {
            foreach (var item in items.Items)
            {
                Add(source, document, item, workloadKinds, objects, onError, nested: true);
            }

            return;
        }

        objects.Add(new ManifestObject(source, document.Index, document.TemplateSource, node, apiVersion, kind, workloadKinds));
    }
}
