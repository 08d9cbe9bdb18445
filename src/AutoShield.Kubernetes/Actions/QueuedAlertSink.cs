using System.Threading.Channels;

namespace AutoShield.Kubernetes.Actions;

/// <summary>
/// A bounded queue of alerts for the alert outputs to drain. When full it drops the oldest alert and counts it in
/// <see cref="Dropped"/>, so a stuck output never blocks the actuator and the loss is visible.
/// </summary>
public sealed class QueuedAlertSink : IAlertSink
{
    private readonly Channel<ActionAlert> _channel;

    // Incremented by the channel's drop callback, possibly on several writer threads at once.
    private long _dropped;

    public QueuedAlertSink(int capacity = 1024)
    {
        _channel = Channel.CreateBounded<ActionAlert>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest },
            _ => Interlocked.Increment(ref _dropped));
    }

    public long Dropped => Interlocked.Read(ref _dropped);

    public ChannelReader<ActionAlert> Reader => _channel.Reader;

    public ValueTask SendAsync(ActionAlert alert, CancellationToken cancellationToken) => _channel.Writer.WriteAsync(alert, cancellationToken);
}
