using AutoShield.Manifests.Checks;
using AutoShield.Manifests.Model;

namespace AutoShield.Manifests.Scanning.Ignores;

/// <summary>
/// Per-object suppressions written in the manifest, on the object or its pod template (both are read, so an
/// annotation placed on either works):
/// <c>autoshield.io/ignore: "check-a,check-b"</c> (or <c>"*"</c>) with <c>autoshield.io/ignore-reason</c>, or the
/// per-check form <c>ignore.autoshield.io/&lt;check-id&gt;: "reason"</c>. An id that names no check, or an ignore
/// without a reason, is reported as a notice instead of failing silently.
/// </summary>
internal static class IgnoreAnnotations
{
    public const string ListKey = "autoshield.io/ignore";
    public const string ReasonKey = "autoshield.io/ignore-reason";
    public const string PerCheckPrefix = "ignore.autoshield.io/";

    private static readonly Dictionary<string, string> Empty = new(StringComparer.Ordinal);

    /// <summary>The check ids (or "*") this object ignores, each with its reason.</summary>
    public static Dictionary<string, string> Read(ManifestObject obj, CheckRegistry registry, List<ScanNotice> notices)
    {
        // Most objects carry no annotations at all: they cost no dictionary.
        if (obj.Annotations is not { Count: > 0 } && obj.PodSpec?.Metadata?.Get("annotations") is not { Count: > 0 })
        {
            return Empty;
        }

        var ignored = new Dictionary<string, string>(StringComparer.Ordinal);
        ReadFrom(obj, obj.Annotations, registry, ignored, notices);
        if (obj.PodSpec?.Metadata?.Get("annotations") is { } template && !ReferenceEquals(template, obj.Annotations))
        {
            ReadFrom(obj, template, registry, ignored, notices);
        }

        return ignored;
    }

    private static void ReadFrom(ManifestObject obj, Yaml.ManifestNode? annotations, CheckRegistry registry, Dictionary<string, string> ignored, List<ScanNotice> notices)
    {
        if (annotations is not { IsMapping: true })
        {
            return;
        }

        var reason = annotations.Get(ReasonKey)?.AsString();
        if (annotations.Get(ListKey) is { } list)
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                notices.Add(new ScanNotice(obj.Source, list.Line, list.Column, $"{obj.Ref}: {ListKey} has no {ReasonKey}; say why the checks do not apply"));
            }

            foreach (var id in (list.AsString() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                Add(obj, id, reason ?? "", list, registry, ignored, notices);
            }
        }

        for (var i = 0; i < annotations.Count; i++)
        {
            var key = annotations.KeyAt(i).Value ?? "";
            if (key.StartsWith(PerCheckPrefix, StringComparison.Ordinal))
            {
                var text = annotations.ValueAt(i).AsString();
                if (string.IsNullOrWhiteSpace(text))
                {
                    notices.Add(new ScanNotice(obj.Source, annotations.KeyAt(i).Line, annotations.KeyAt(i).Column, $"{obj.Ref}: {key} has no reason; say why the check does not apply"));
                }

                Add(obj, key[PerCheckPrefix.Length..], text ?? "", annotations.KeyAt(i), registry, ignored, notices);
            }
        }
    }

    private static void Add(ManifestObject obj, string id, string reason, Yaml.ManifestNode at, CheckRegistry registry, Dictionary<string, string> ignored, List<ScanNotice> notices)
    {
        if (id != "*" && !registry.Contains(id))
        {
            notices.Add(new ScanNotice(obj.Source, at.Line, at.Column, $"{obj.Ref}: ignore names \"{id}\", which is no check; nothing is ignored for it"));
            return;
        }

        ignored[id] = reason;
    }
}
