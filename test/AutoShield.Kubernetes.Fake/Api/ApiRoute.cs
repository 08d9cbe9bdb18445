using AutoShield.Kubernetes.Fake.Resources;

namespace AutoShield.Kubernetes.Fake.Api;

/// <summary>
/// A resource path taken apart: <c>/api/v1/namespaces/{ns}/pods/{name}/status</c>,
/// <c>/apis/apps/v1/deployments</c>, <c>/api/v1/nodes/{name}</c> and the like.
/// </summary>
internal sealed record ApiRoute(string Group, string Version, string Plural, string? Namespace, string? Name, string? Subresource)
{
    public static ApiRoute? Parse(string path, FakeResourceRegistry registry)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        string group, version;
        string[] rest;
        if (parts.Length >= 3 && parts[0] == "api")
        {
            (group, version, rest) = ("", parts[1], parts[2..]);
        }
        else if (parts.Length >= 4 && parts[0] == "apis")
        {
            (group, version, rest) = (parts[1], parts[2], parts[3..]);
        }
        else
        {
            return null;
        }

        if (rest.Length >= 3 && rest[0] == "namespaces" && registry.Find(group, version, rest[2]) is not null)
        {
            return rest.Length switch
            {
                3 => new ApiRoute(group, version, rest[2], rest[1], null, null),
                4 => new ApiRoute(group, version, rest[2], rest[1], rest[3], null),
                5 => new ApiRoute(group, version, rest[2], rest[1], rest[3], rest[4]),
                _ => null,
            };
        }

        return rest.Length switch
        {
            1 => new ApiRoute(group, version, rest[0], null, null, null),
            2 => new ApiRoute(group, version, rest[0], null, rest[1], null),
            3 => new ApiRoute(group, version, rest[0], null, rest[1], rest[2]),
            _ => null,
        };
    }
}
