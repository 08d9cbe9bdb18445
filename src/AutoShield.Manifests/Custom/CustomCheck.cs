using AutoShield.Manifests.Checks;
using AutoShield.Manifests.Model;
using AutoShield.Policy.Conditions;

namespace AutoShield.Manifests.Custom;

/// <summary>A check defined in the scan config: a compiled condition that reports a finding wherever it holds.</summary>
public sealed class CustomCheck(CheckDefinition definition, CustomCheckScope scope, CompiledCondition<CustomCheckContext> condition) : IObjectCheck
{
    public CheckDefinition Definition { get; } = definition;

    public CustomCheckScope Scope { get; } = scope;

    public CompiledCondition<CustomCheckContext> Condition { get; } = condition;

    public void Evaluate(ManifestObject obj, FindingSink sink)
    {
        if (Scope == CustomCheckScope.Object)
        {
            if (Condition.Evaluate(new CustomCheckContext(obj, null)))
            {
                sink.Report(obj, null, Definition.Title);
            }

            return;
        }

        if (obj.PodSpec is not { } pod)
        {
            return;
        }

        foreach (var container in pod.Containers)
        {
            if (Condition.Evaluate(new CustomCheckContext(obj, container)))
            {
                sink.Report(container, null, $"{container.Label}: {Definition.Title}");
            }
        }
    }
}
