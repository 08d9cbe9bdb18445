using System.Text.Json.Nodes;
using AutoShield.Kubernetes.Actions;
using AutoShield.Kubernetes.Fake;

namespace AutoShield.Kubernetes.Tests.Actions;

/// <summary>The cluster every action test starts from: a Deployment with its ReplicaSet and pod, a node, an Ingress and a Service in "shop".</summary>
internal static class ActionWorld
{
    public const string Ns = "shop";
    public const string Pod = "web-5d9c-x1";
    public const string Node = "node-1";

    public static void Seed(FakeKubernetesServer server)
    {
        server.Resources.RegisterCustom(HoneypotRedirectAction.LocalRedirectPolicies.Group, "v2", HoneypotRedirectAction.LocalRedirectPolicies.Plural, HoneypotRedirectAction.LocalRedirectPolicies.Kind);
        server.Seed($$$$"""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"{{{{Ns}}}}","uid":"dep-uid"},
             "spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},
                     "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"app","image":"nginx:1.27"}]}}},
             "status":{"readyReplicas":3}}
            """);
        server.Seed($$$$"""
            {"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":"web-5d9c","namespace":"{{{{Ns}}}}",
              "ownerReferences":[{"apiVersion":"apps/v1","kind":"Deployment","name":"web","uid":"dep-uid","controller":true}]},
             "spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},
                     "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"app","image":"nginx:1.27"}]}}},
             "status":{"readyReplicas":3}}
            """);
        server.Seed(Some.Pod(Pod, Ns, ip: "10.0.1.7", node: Node, labels: new() { ["app"] = "web", ["pod-template-hash"] = "5d9c" }, owners: Some.Owner("ReplicaSet", "web-5d9c")));
        server.Seed(Some.Pod("web-5d9c-x2", Ns, ip: "10.0.1.8", node: Node, labels: new() { ["app"] = "web", ["pod-template-hash"] = "5d9c" }, owners: Some.Owner("ReplicaSet", "web-5d9c")));
        server.Seed(Some.Pod("debug", Ns, ip: "10.0.1.9", node: Node, labels: new() { ["run"] = "debug" }));
        server.Seed($$$"""
            {"apiVersion":"v1","kind":"Node","metadata":{"name":"{{{Node}}}","labels":{"kubernetes.io/hostname":"{{{Node}}}"}},
             "spec":{"taints":[{"key":"dedicated","value":"web","effect":"PreferNoSchedule"}]}}
            """);
        server.Seed("""
            {"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"shop","namespace":"shop",
              "annotations":{"nginx.ingress.kubernetes.io/ssl-redirect":"true","nginx.ingress.kubernetes.io/limit-rps":"100"}},
             "spec":{"ingressClassName":"nginx","rules":[{"host":"shop.example","http":{"paths":[{"path":"/","pathType":"Prefix",
               "backend":{"service":{"name":"checkout","port":{"number":80}}}}]}}]}}
            """);
        server.Seed($$$"""
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"checkout","namespace":"{{{Ns}}}"},
             "spec":{"selector":{"app":"web"},"ports":[{"port":80,"targetPort":8080,"protocol":"TCP"}]}}
            """);
    }

    public static JsonObject? Get(FakeKubernetesServer server, string apiVersion, string kind, string name, string? ns = Ns) =>
        server.Get(apiVersion, kind, kind == "Node" ? null : ns, name);
}
