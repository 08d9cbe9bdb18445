namespace AutoShield.Kubernetes.Actions;

/// <summary>Moments at which tests make the actuator "die" (through <see cref="KubernetesActuatorOptions.CrashHook"/>) to prove the ledger recovers.</summary>
public enum CrashPoint
{
    /// <summary>The pending record (with prior state) is durable; the change has not been sent.</summary>
    AfterLedgerWrite,

    /// <summary>The change is in the cluster; the ledger still says pending.</summary>
    AfterApiCall,

    /// <summary>The revert is requested in the ledger; nothing reverted yet.</summary>
    RevertAfterLedgerWrite,

    /// <summary>The revert is in the cluster; the ledger still says applied.</summary>
    RevertAfterApiCall,
}
