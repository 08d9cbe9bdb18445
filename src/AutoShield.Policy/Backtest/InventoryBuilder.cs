using AutoShield.Core.Detections;
using AutoShield.Policy.Safety;

namespace AutoShield.Policy.Backtest;

/// <summary>Builds a cluster inventory from endpoints seen in recorded traffic: every pod seen counts towards its workload.</summary>
public static class InventoryBuilder
{
    public static void Add(InMemoryClusterInventory inventory, DetectionEndpoint endpoint)
    {
        if (endpoint.Workload is { } workload && endpoint.Pod is { } pod)
        {
            inventory.AddPod(endpoint.Namespace, workload, pod);
        }
    }

    public static InMemoryClusterInventory FromDetections(IEnumerable<Detection> detections)
    {
        var inventory = new InMemoryClusterInventory();
        foreach (var detection in detections)
        {
            Add(inventory, detection.Source);
            Add(inventory, detection.Destination);
        }

        return inventory;
    }
}
