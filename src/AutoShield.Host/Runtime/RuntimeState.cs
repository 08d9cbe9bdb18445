namespace AutoShield.Host.Runtime;

/// <summary>Where the loop is: starting, running, its sources drained (the API still serves), or stopped.</summary>
public enum RuntimeState
{
    Starting,
    Running,
    Drained,
    Stopped,
    Failed,
}
