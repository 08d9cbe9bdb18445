namespace AutoShield.Kubernetes.Config;

/// <summary>The inputs of <see cref="ClusterLocator"/>: the --kubeconfig and --context flags, and the environment (injectable for tests).</summary>
public sealed record ClusterLocatorOptions
{
    /// <summary>--kubeconfig: when set, only this file is read.</summary>
    public string? KubeconfigPath { get; init; }

    /// <summary>--context: the context to use instead of current-context.</summary>
    public string? Context { get; init; }

    /// <summary>Reads environment variables (KUBECONFIG, HOME, KUBERNETES_SERVICE_HOST/PORT); the process environment when null.</summary>
    public Func<string, string?>? Environment { get; init; }

    /// <summary>Where ~ is; $HOME when null.</summary>
    public string? HomeDirectory { get; init; }

    public string ServiceAccountDirectory { get; init; } = InClusterConfig.DefaultServiceAccountDirectory;

    public TimeProvider? TimeProvider { get; init; }
}
