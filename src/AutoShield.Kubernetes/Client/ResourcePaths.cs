using System.Globalization;
using System.Text;

namespace AutoShield.Kubernetes.Client;

/// <summary>Builds API paths: /api/v1/... for the core group, /apis/{group}/{version}/... otherwise, namespaced or not.</summary>
internal static class ResourcePaths
{
    public static string For(ResourceType type, string? ns, string? name = null, string? subresource = null)
    {
        var path = new StringBuilder(type.Group.Length == 0 ? "/api/v1" : $"/apis/{type.Group}/{type.Version}");
        if (type.Group.Length == 0 && type.Version != "v1")
        {
            path.Clear().Append(CultureInfo.InvariantCulture, $"/api/{type.Version}");
        }

        if (type.Namespaced && !string.IsNullOrEmpty(ns))
        {
            path.Append("/namespaces/").Append(Uri.EscapeDataString(ns));
        }

        path.Append('/').Append(type.Plural);
        if (name is not null)
        {
            path.Append('/').Append(Uri.EscapeDataString(name));
            if (subresource is not null)
            {
                path.Append('/').Append(subresource);
            }
        }

        return path.ToString();
    }

    public static string WithQuery(string path, IEnumerable<(string Key, string? Value)> query)
    {
        var parts = query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value!)}").ToList();
        return parts.Count == 0 ? path : $"{path}?{string.Join('&', parts)}";
    }
}
