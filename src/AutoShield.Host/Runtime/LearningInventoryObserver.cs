using AutoShield.Core.Flows;
using AutoShield.Ingestion.Pipeline;
using AutoShield.Ingestion.Windows;
using AutoShield.Policy.Safety;

namespace AutoShield.Host.Runtime;

/// <summary>
/// Without a cluster to ask, blast-radius limits count a workload's pods from the pods seen in traffic: every window's
/// endpoints are added to the inventory before the detector sees the window. Adding a known pod allocates nothing.
/// </summary>
internal sealed class LearningInventoryObserver(InMemoryClusterInventory inventory, IWindowObserver next) : IWindowObserver
{
    public void OnWindow(in Connection connection, PairWindow window, FanOutView fanOut)
    {
        Add(window.Source);
        Add(window.Destination);
        next.OnWindow(connection, window, fanOut);
    }

    private void Add(in FlowEndpoint endpoint)
    {
        if (endpoint.Workload is { } workload && endpoint.PodName is { } pod)
        {
            inventory.AddPod(endpoint.Namespace, workload, pod);
        }
    }
}
