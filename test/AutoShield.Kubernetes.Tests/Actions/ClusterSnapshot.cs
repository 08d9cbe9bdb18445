using System.Text.Json.Nodes;
using AutoShield.Kubernetes.Fake;

namespace AutoShield.Kubernetes.Tests.Actions;

/// <summary>
/// Every object of the kinds actions touch, as JSON minus what the server manages (resourceVersion, generation,
/// managedFields) and empty label/annotation maps: two snapshots are equal when a revert put the cluster back exactly.
/// Events are left out; they are the audit trail, which a revert adds to.
/// </summary>
internal static class ClusterSnapshot
{
    private static readonly (string ApiVersion, string Kind)[] Kinds =
    [
        ("v1", "Pod"), ("v1", "Node"), ("v1", "Service"), ("apps/v1", "Deployment"), ("apps/v1", "ReplicaSet"),
        ("networking.k8s.io/v1", "NetworkPolicy"), ("networking.k8s.io/v1", "Ingress"), ("cilium.io/v2", "CiliumNetworkPolicy"),
        ("cilium.io/v2", "CiliumLocalRedirectPolicy"),
    ];

    public static string Take(FakeKubernetesServer server)
    {
        var all = new JsonArray();
        foreach (var (apiVersion, kind) in Kinds)
        {
            var resource = server.Resources.FindByKind(apiVersion, kind);
            if (resource is null)
            {
                continue;
            }

            foreach (var obj in server.Store.List(resource, null).Items.OrderBy(o => $"{o["metadata"]?["namespace"]}/{o["metadata"]?["name"]}", StringComparer.Ordinal))
            {
                var copy = (JsonObject)obj.DeepClone();
                var metadata = (JsonObject)copy["metadata"]!;
                metadata.Remove("resourceVersion");
                metadata.Remove("generation");
                metadata.Remove("managedFields");
                foreach (var map in new[] { "labels", "annotations" })
                {
                    if (metadata[map] is JsonObject { Count: 0 })
                    {
                        metadata.Remove(map);
                    }
                }

                all.Add(copy);
            }
        }

        return all.ToJsonString();
    }
}
