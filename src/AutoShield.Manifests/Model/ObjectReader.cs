using System.Globalization;
using AutoShield.Manifests.Scanning;
using AutoShield.Manifests.Yaml;

namespace AutoShield.Manifests.Model;

/// <summary>
/// Turns parsed documents into objects: one per document, or one per item of a <c>kind: List</c> (and of any
/// <c>*List</c> kind, as kubectl prints them). Documents that are not objects are reported, never thrown.
/// </summary>
internal static class ObjectReader
{
    public static void Read(string source, YamlDocument document, WorkloadKinds workloadKinds, List<ManifestObject> objects, Action<ScanError> onError) =>
        Read(source, document, workloadKinds, objects.Add, onError);

    /// <summary>The objects of a whole document; a List whose items were streamed gives none (they came one by one).</summary>
    public static void Read(string source, YamlDocument document, WorkloadKinds workloadKinds, Action<ManifestObject> onObject, Action<ScanError> onError)
    {
        if (!document.ItemsStreamed)
        {
            Add(source, document.Index, document.TemplateSource, document.Root, workloadKinds, onObject, onError, itemIndex: -1);
        }
    }

    /// <summary>One item of a List handed out while the List was read.</summary>
    public static void ReadItem(string source, int documentIndex, string? templateSource, ManifestNode item, int itemIndex, WorkloadKinds workloadKinds, Action<ManifestObject> onObject, Action<ScanError> onError) =>
        Add(source, documentIndex, templateSource, item, workloadKinds, onObject, onError, itemIndex);

    private static void Add(string source, int documentIndex, string? templateSource, ManifestNode node, WorkloadKinds workloadKinds, Action<ManifestObject> onObject, Action<ScanError> onError, int itemIndex)
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

        if (itemIndex < 0 && kind.EndsWith("List", StringComparison.Ordinal) && node.Get("items") is { } items)
        {
            for (var i = 0; i < items.Items.Count; i++)
            {
                Add(source, documentIndex, templateSource, items.Items[i], workloadKinds, onObject, onError, i);
            }

            return;
        }

        onObject(new ManifestObject(source, documentIndex, templateSource, node, apiVersion, kind, workloadKinds)
        {
            PathPrefix = itemIndex < 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"items[{itemIndex}]"),
        });
    }
}
