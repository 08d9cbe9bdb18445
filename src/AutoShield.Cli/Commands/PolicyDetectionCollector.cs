using AutoShield.Core.Flows;
using AutoShield.Ingestion.Pipeline;
using AutoShield.Ingestion.Windows;
using AutoShield.Policy.Safety;

namespace AutoShield.Cli.Commands;

/// <summary>Adapts a <see cref="PolicyWindowDetector"/> to the ingestion pipeline: collects its detections, and every pod seen into a cluster inventory for blast-radius limits.</summary>
public sealed class PolicyDetectionCollector : IWindowObserver
{
    private readonly PolicyWindowDetector _detector;
    private long _sequence;

    public PolicyDetectionCollector(PolicyWindowDetector detector)
    {
        _detector = detector;
    }

    public List<Core.Detections.Detection> Detections { get; } = [];

    public InMemoryClusterInventory Inventory { get; } = new();

    public void OnWindow(in Connection connection, PairWindow window, FanOutView fanOut)
    {
        Add(window.Source);
        Add(window.Destination);
        if (_detector.Detect(connection, window, fanOut, _sequence++) is { } detection)
        {
            Detections.Add(detection);
        }

        Detections.AddRange(_detector.Drain());
    }

    /// <summary>Collects what the detector still holds at the end of the replay.</summary>
    public void Complete() => Detections.AddRange(_detector.Drain());

    /// <summary>The detections in event-time order (connections complete slightly out of order).</summary>
    public List<Core.Detections.Detection> Ordered() => [.. Detections.OrderBy(d => d.Time)];

    private void Add(in FlowEndpoint endpoint)
    {
        if (endpoint.Workload is { } workload && endpoint.PodName is { } pod)
        {
            Inventory.AddPod(endpoint.Namespace, workload, pod);
        }
    }
}
