namespace AutoShield.Kubernetes.Config;

/// <summary>
/// Finds the cluster as kubectl does: <c>--kubeconfig</c> alone when given; else the KUBECONFIG files
/// (colon-separated, merged, missing ones skipped); else ~/.kube/config; and when none of those yields a
/// config, the in-cluster service account. <c>--context</c> picks a context other than the current one.
/// </summary>
public static class ClusterLocator
{
    public static KubernetesConnection Locate(ClusterLocatorOptions? options = null)
    {
        options ??= new ClusterLocatorOptions();
        var environment = options.Environment ?? Environment.GetEnvironmentVariable;
        var files = KubeconfigFiles(options, environment);
        if (files.Count > 0)
        {
            var config = KubeConfig.Load(files);
            if (!config.IsEmpty || options.KubeconfigPath is not null)
            {
                return config.ToConnection(options.Context, options.TimeProvider);
            }
        }

        if (options.Context is null && InClusterConfig.TryLoad(environment, options.ServiceAccountDirectory, options.TimeProvider) is { } inCluster)
        {
            return inCluster;
        }

        throw new KubeConfigException("no Kubernetes cluster found: pass --kubeconfig, set KUBECONFIG, create ~/.kube/config, or run in a pod with a service account");
    }

    /// <summary>The kubeconfig files that would be read, in merge order.</summary>
    public static IReadOnlyList<string> KubeconfigFiles(ClusterLocatorOptions options, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        if (options.KubeconfigPath is { } explicitPath)
        {
            return File.Exists(explicitPath) ? [explicitPath] : throw new KubeConfigException($"kubeconfig {explicitPath} does not exist");
        }

        if (environment("KUBECONFIG") is { Length: > 0 } list)
        {
            return [.. list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).Where(File.Exists)];
        }

        var home = options.HomeDirectory ?? environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var defaultPath = Path.Combine(home, ".kube", "config");
        return File.Exists(defaultPath) ? [defaultPath] : [];
    }
}
