namespace AutoShield.Ingestion.Simulation.Cluster;

/// <summary>Pod names as Kubernetes makes them (<c>frontend-7d4b9c6f8-x2x9q</c>, <c>postgres-0</c>, <c>report-sync-29461080-k7x2p</c>).</summary>
internal static class PodNames
{
    // apimachinery's rand.String alphabet: no vowels, no confusable characters.
    private const string SafeAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    /// <summary>A pod-template-hash: 8 to 10 characters.</summary>
    public static string TemplateHash(Random random) => random.Alphanumeric(random.Next(8, 11), SafeAlphabet);

    public static string Suffix(Random random) => random.Alphanumeric(5, SafeAlphabet);

    public static string ForDeployment(string workload, string templateHash, Random random) =>
        $"{workload}-{templateHash}-{Suffix(random)}";

    /// <summary>A CronJob's Job is named after its scheduled time in minutes since the epoch.</summary>
    public static string ForCronJob(string cronJob, long scheduledUnixSeconds, Random random) =>
        $"{cronJob}-{scheduledUnixSeconds / 60}-{Suffix(random)}";
}
