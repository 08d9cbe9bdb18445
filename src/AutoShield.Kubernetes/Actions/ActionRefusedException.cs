namespace AutoShield.Kubernetes.Actions;

/// <summary>An action declined to act, with the reason (no controller to redeploy a pod, too few healthy replicas, Cilium absent).</summary>
public sealed class ActionRefusedException : Exception
{
    public ActionRefusedException(string message)
        : base(message)
    {
    }

    public ActionRefusedException()
    {
    }

    public ActionRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
