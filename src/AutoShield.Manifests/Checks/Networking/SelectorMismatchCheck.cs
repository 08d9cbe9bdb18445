using AutoShield.Manifests.Model;

namespace AutoShield.Manifests.Checks.Networking;

/// <summary>A controller whose selector does not match its own pod template's labels never owns its pods.</summary>
internal static class SelectorMismatchCheck
{
    public static readonly ICheck Instance = new PodCheck(
        new CheckDefinition
        {
            Id = "selector-mismatch",
            Title = "Selector does not match the pod template",
            Severity = Severity.High,
            Category = "networking",
            Kinds = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "Rollout"],
            Url = Links.Labels,
            Description = "spec.selector does not select the labels of spec.template: the API rejects it, or the controller creates pods it never adopts.",
            Remediation = "Make every selector label appear with the same value in spec.template.metadata.labels.",
            Equivalents = new() { KubeLinter = "mismatching-selector", KubeScore = "deployment-pod-selector-labels-match-template-metadata-labels", Kubescape = "C-0296" },
        },
        (pod, sink) =>
        {
            var obj = pod.Object;
            if (obj.Spec?.Get("selector") is not { } node || obj.Kind == "Pod")
            {
                return;
            }

            var selector = obj.Kind == "ReplicationController" ? LabelSelector.FromMap(node) : LabelSelector.FromSelector(node);
            if (!selector.IsEmpty && !selector.Matches(pod.Labels))
            {
                sink.Report(obj, node, $"{obj.Kind} selector does not match its pod template labels");
            }
        });
}
