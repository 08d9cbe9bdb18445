using AutoShield.Manifests.Model;
using AutoShield.Manifests.Scanning;

namespace AutoShield.Manifests.Checks.Networking;

/// <summary>Two controllers in one namespace whose selectors pick each other's pods: they fight over them.</summary>
internal sealed class DuplicateSelectorCheck : ICorpusCheck
{
    private static readonly HashSet<string> Controllers = new(StringComparer.Ordinal)
    {
        "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Rollout",
    };

    public CheckDefinition Definition { get; } = new()
    {
        Id = "duplicate-selector",
        Title = "Controllers with overlapping selectors",
        Severity = Severity.Medium,
        Category = "networking",
        Kinds = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Rollout"],
        Url = Links.Labels,
        Description = "The controller's selector matches the pod template of another controller in the same namespace: both try to own the same pods, scaling and rollouts misbehave.",
        Remediation = "Give each workload a distinct label (app.kubernetes.io/name plus instance) and select on it.",
        Equivalents = new() { KubeScore = "pod-selector-labels-match-template-metadata-labels" },
    };

    public void Evaluate(ManifestCorpus corpus, FindingSink sink)
    {
        foreach (var ns in corpus.WorkloadNamespaces)
        {
            foreach (var obj in corpus.WorkloadsIn(ns))
            {
                if (!Controllers.Contains(obj.Kind) || obj.Spec?.Get("selector") is not { } node)
                {
                    continue;
                }

                var selector = obj.Kind == "ReplicationController" ? LabelSelector.FromMap(node) : LabelSelector.FromSelector(node);
                if (selector.IsEmpty)
                {
                    continue;
                }

                var other = corpus.WorkloadsMatching(ns, selector).FirstOrDefault(w => !ReferenceEquals(w, obj) && Controllers.Contains(w.Kind));
                if (other is not null)
                {
                    sink.Report(obj, node, $"selector also matches the pods of {other.Kind}/{other.Name}");
                }
            }
        }
    }
}
