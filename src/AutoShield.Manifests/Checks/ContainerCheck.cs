using AutoShield.Manifests.Model;

namespace AutoShield.Manifests.Checks;

/// <summary>A check run once per container of a workload, optionally skipping Windows pods for Linux-only settings.</summary>
public sealed class ContainerCheck(CheckDefinition definition, Action<ContainerView, FindingSink> evaluate, ContainerScope scope = ContainerScope.All, bool linuxOnly = false) : IObjectCheck
{
    public CheckDefinition Definition { get; } = definition;

    public void Evaluate(ManifestObject obj, FindingSink sink)
    {
        if (obj.PodSpec is not { } pod || (linuxOnly && pod.IsWindows))
        {
            return;
        }

        foreach (var container in pod.Containers)
        {
            var visit = scope switch
            {
                ContainerScope.Regular => container.Type == ContainerType.Container,
                ContainerScope.InitAndRegular => container.Type != ContainerType.Ephemeral,
                _ => true,
            };
            if (visit)
            {
                evaluate(container, sink);
            }
        }
    }
}
