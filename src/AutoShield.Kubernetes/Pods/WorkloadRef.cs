namespace AutoShield.Kubernetes.Pods;

/// <summary>The controller a pod belongs to, as a person names it: Deployment/web, StatefulSet/db, CronJob/backup.</summary>
public sealed record WorkloadRef(string Kind, string Name)
{
    public override string ToString() => $"{Kind}/{Name}";
}
