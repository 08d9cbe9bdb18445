using System.Text.Json.Nodes;
using AutoShield.Kubernetes.Fake.Api;

namespace AutoShield.Kubernetes.Fake.Resources;

/// <summary>The built-in and Cilium kinds the fake registers by default, with the fields their validation requires.</summary>
public static class BuiltInKinds
{
    private static readonly string[] PodTemplate =
        ["spec.selector", "spec.template", "spec.template.spec.containers[].name", "spec.template.spec.containers[].image"];

    public static IEnumerable<FakeResourceKind> All()
    {
        yield return new("", "v1", "namespaces", "Namespace", false) { HasStatus = true, SelectableFields = ["status.phase"] };
        yield return new("", "v1", "pods", "Pod", true)
        {
            RequiredFields = ["spec.containers[].name", "spec.containers[].image"],
            HasStatus = true,
            SelectableFields = ["spec.nodeName", "status.podIP", "status.phase", "spec.serviceAccountName", "spec.restartPolicy", "spec.schedulerName"],
        };
        yield return new("", "v1", "nodes", "Node", false) { HasStatus = true, SelectableFields = ["spec.unschedulable"] };
        yield return new("", "v1", "services", "Service", true) { HasStatus = true, SelectableFields = ["spec.clusterIP", "spec.type"] };
        yield return new("", "v1", "endpoints", "Endpoints", true);
        yield return new("", "v1", "configmaps", "ConfigMap", true);
        yield return new("", "v1", "secrets", "Secret", true) { SelectableFields = ["type"] };
        yield return new("", "v1", "serviceaccounts", "ServiceAccount", true);
        yield return new("", "v1", "events", "Event", true)
        {
            RequiredFields = ["involvedObject"],
            SelectableFields = ["involvedObject.kind", "involvedObject.name", "involvedObject.namespace", "involvedObject.uid", "reason", "type"],
        };
        yield return new("events.k8s.io", "v1", "events", "Event", true)
        {
            RequiredFields = ["eventTime", "reportingController", "reportingInstance", "action", "reason"],
            SelectableFields = ["regarding.kind", "regarding.name", "regarding.namespace", "reason", "type"],
        };
        yield return new("apps", "v1", "deployments", "Deployment", true) { RequiredFields = PodTemplate, HasStatus = true };
        yield return new("apps", "v1", "replicasets", "ReplicaSet", true) { RequiredFields = PodTemplate, HasStatus = true };
        yield return new("apps", "v1", "statefulsets", "StatefulSet", true) { RequiredFields = PodTemplate, HasStatus = true };
        yield return new("apps", "v1", "daemonsets", "DaemonSet", true) { RequiredFields = PodTemplate, HasStatus = true };
        yield return new("batch", "v1", "jobs", "Job", true)
        {
            RequiredFields = ["spec.template", "spec.template.spec.containers[].name", "spec.template.spec.containers[].image"],
            HasStatus = true,
        };
        yield return new("batch", "v1", "cronjobs", "CronJob", true) { RequiredFields = ["spec.schedule", "spec.jobTemplate"], HasStatus = true };
        yield return new("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", true) { RequiredFields = ["spec.podSelector"] };
        yield return new("networking.k8s.io", "v1", "ingresses", "Ingress", true) { HasStatus = true };
        yield return new("coordination.k8s.io", "v1", "leases", "Lease", true) { RequiredFields = ["spec"] };
        yield return new("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", true) { HasStatus = true };
        yield return new("cilium.io", "v2", "ciliumnetworkpolicies", "CiliumNetworkPolicy", true)
        {
            HasStatus = true,
            StrategicMerge = false,
            Validate = RequireSpecOrSpecs,
        };
    }

    private static IEnumerable<FieldCause> RequireSpecOrSpecs(JsonObject obj)
    {
        if (obj["spec"] is null && obj["specs"] is null)
        {
            yield return FieldCause.Required("spec");
        }
    }
}
