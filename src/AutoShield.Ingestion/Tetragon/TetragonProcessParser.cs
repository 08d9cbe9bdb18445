using System.Text.Json;

namespace AutoShield.Ingestion.Tetragon;

/// <summary>Reads the <c>Process</c> message (process, parent, ancestors) and its pod, container, capabilities, namespaces.</summary>
internal static class TetragonProcessParser
{
    public static TetragonProcess? Parse(JsonFieldReader f, JsonElement owner, string parent, string name)
    {
        if (f.Object(owner, parent, name) is not { } p)
        {
            return null;
        }

        var path = JsonFieldReader.Join(parent, name);
        return Read(f, p, path);
    }

    public static IReadOnlyList<TetragonProcess> ParseList(JsonFieldReader f, JsonElement owner, string parent, string name)
    {
        if (f.Array(owner, parent, name) is not { } array)
        {
            return [];
        }

        var list = new List<TetragonProcess>(array.GetArrayLength());
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"{JsonFieldReader.Join(parent, name)}[{index++}]";
            if (item.ValueKind == JsonValueKind.Object)
            {
                list.Add(Read(f, item, path));
            }
            else
            {
                f.Fail(path, $"expected an object, found {item.ValueKind}");
            }
        }

        return list;
    }

    private static TetragonProcess Read(JsonFieldReader f, JsonElement p, string path) => new()
    {
        ExecId = f.String(p, path, "exec_id"),
        Pid = f.UInt32(p, path, "pid"),
        Tid = f.UInt32(p, path, "tid"),
        Uid = f.UInt32(p, path, "uid"),
        Cwd = f.String(p, path, "cwd"),
        Binary = f.String(p, path, "binary"),
        Arguments = f.String(p, path, "arguments"),
        Flags = f.String(p, path, "flags"),
        StartTimeUnixNanos = f.Time(p, path, "start_time"),
        Auid = f.UInt32(p, path, "auid"),
        Pod = ParsePod(f, p, path),
        Docker = f.String(p, path, "docker"),
        ParentExecId = f.String(p, path, "parent_exec_id"),
        RefCount = f.UInt32(p, path, "refcnt"),
        Capabilities = ParseCapabilities(f, p, path, "cap"),
        Namespaces = ParseNamespaces(f, p, path),
    };

    public static TetragonCapabilities? ParseCapabilities(JsonFieldReader f, JsonElement owner, string parent, string name)
    {
        if (f.Object(owner, parent, name) is not { } cap)
        {
            return null;
        }

        var path = JsonFieldReader.Join(parent, name);
        return new TetragonCapabilities
        {
            Permitted = f.Strings(cap, path, "permitted"),
            Effective = f.Strings(cap, path, "effective"),
            Inheritable = f.Strings(cap, path, "inheritable"),
        };
    }

    private static Dictionary<string, TetragonNamespace>? ParseNamespaces(JsonFieldReader f, JsonElement p, string parent)
    {
        if (f.Object(p, parent, "ns") is not { } ns)
        {
            return null;
        }

        var path = JsonFieldReader.Join(parent, "ns");
        var result = new Dictionary<string, TetragonNamespace>(StringComparer.Ordinal);
        foreach (var property in ns.EnumerateObject())
        {
            if (f.Object(ns, path, property.Name) is { } one)
            {
                var onePath = JsonFieldReader.Join(path, property.Name);
                result[property.Name] = new TetragonNamespace(
                    f.UInt32(one, onePath, "inum") ?? 0,
                    f.Bool(one, onePath, "is_host") ?? false);
            }
        }

        return result;
    }

    private static TetragonPod? ParsePod(JsonFieldReader f, JsonElement p, string parent)
    {
        if (f.Object(p, parent, "pod") is not { } pod)
        {
            return null;
        }

        var path = JsonFieldReader.Join(parent, "pod");
        return new TetragonPod
        {
            Namespace = f.String(pod, path, "namespace"),
            Name = f.String(pod, path, "name"),
            IdentityLabels = f.Strings(pod, path, "labels"),
            Labels = f.Map(pod, path, "pod_labels") ?? new Dictionary<string, string>(),
            Workload = f.String(pod, path, "workload"),
            WorkloadKind = f.String(pod, path, "workload_kind"),
            Container = ParseContainer(f, pod, path),
        };
    }

    private static TetragonContainer? ParseContainer(JsonFieldReader f, JsonElement pod, string parent)
    {
        if (f.Object(pod, parent, "container") is not { } container)
        {
            return null;
        }

        var path = JsonFieldReader.Join(parent, "container");
        var image = f.Object(container, path, "image");
        var imagePath = JsonFieldReader.Join(path, "image");
        return new TetragonContainer
        {
            Id = f.String(container, path, "id"),
            Name = f.String(container, path, "name"),
            ImageId = image is { } i ? f.String(i, imagePath, "id") : null,
            ImageName = image is { } n ? f.String(n, imagePath, "name") : null,
            StartTimeUnixNanos = f.Time(container, path, "start_time"),
            Pid = f.UInt32(container, path, "pid"),
        };
    }
}
