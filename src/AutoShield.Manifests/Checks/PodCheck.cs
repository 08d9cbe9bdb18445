using AutoShield.Manifests.Model;

namespace AutoShield.Manifests.Checks;

/// <summary>A check on the pod spec of any workload kind (the one pod-spec path every pod check goes through).</summary>
public sealed class PodCheck(CheckDefinition definition, Action<PodSpecView, FindingSink> evaluate) : IObjectCheck
{
    public CheckDefinition Definition { get; } = definition;

    public void Evaluate(ManifestObject obj, FindingSink sink)
    {
        if (obj.PodSpec is { } pod)
        {
            evaluate(pod, sink);
        }
    }
}
