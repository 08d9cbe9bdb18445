using System.Threading.Channels;
using AutoShield.Detection.Runtime;

namespace AutoShield.Host.Runtime;

/// <summary>
/// Hands the detector's detections to the decision loop through a bounded channel. When the loop falls behind, the
/// ingestion thread waits here (back-pressure) instead of dropping detections.
/// </summary>
internal sealed class ChannelDetectionSink(ChannelWriter<Core.Detections.Detection> writer, CancellationToken stopping) : IDetectionSink
{
    private long _waits;

    /// <summary>Times the ingestion thread had to wait for room in the queue.</summary>
    public long Waits => Interlocked.Read(ref _waits);

    public void OnDetection(Core.Detections.Detection detection)
    {
        if (writer.TryWrite(detection))
        {
            return;
        }

        Interlocked.Increment(ref _waits);
        try
        {
            writer.WriteAsync(detection, stopping).AsTask().GetAwaiter().GetResult();
        }
        catch (ChannelClosedException)
        {
            // Stopping: the loop is gone and nothing will decide on it any more.
        }
    }
}
