namespace AutoShield.Manifests.Checks;

/// <summary>Which containers a container check visits.</summary>
public enum ContainerScope
{
    /// <summary>Init, regular and ephemeral containers.</summary>
    All,

    /// <summary>Init and regular containers (ephemeral containers cannot set resources or probes).</summary>
    InitAndRegular,

    /// <summary>Only the pod's main containers.</summary>
    Regular,
}
