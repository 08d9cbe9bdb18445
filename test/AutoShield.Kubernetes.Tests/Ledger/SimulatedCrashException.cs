namespace AutoShield.Kubernetes.Tests.Ledger;

/// <summary>Thrown from the actuator's crash hook: the process "dies" there, leaving the ledger and cluster as they are.</summary>
public sealed class SimulatedCrashException : Exception
{
    public SimulatedCrashException()
        : base("simulated crash")
    {
    }

    public SimulatedCrashException(string message)
        : base(message)
    {
    }

    public SimulatedCrashException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
