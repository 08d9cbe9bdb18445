namespace AutoShield.Kubernetes.Actions;

/// <summary>What start-up reconciliation did: pending actions found applied and finished, retried, failed; reverts finished; TTLs expired.</summary>
public sealed record ReconcileReport(int Finished, int Retried, int Failed, int Reverted, int Expired);
