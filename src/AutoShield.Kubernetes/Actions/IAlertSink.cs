namespace AutoShield.Kubernetes.Actions;

/// <summary>Where <c>alert_only</c> puts its alerts; the alert outputs (Alertmanager, mail, chat) read from it.</summary>
public interface IAlertSink
{
    ValueTask SendAsync(ActionAlert alert, CancellationToken cancellationToken);
}
