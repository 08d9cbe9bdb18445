using AutoShield.Core.Flows;
using AutoShield.Ingestion.Pipeline;
using AutoShield.Ingestion.Windows;

namespace AutoShield.Ingestion.Tests.Pipeline;

/// <summary>Keeps the display names of each window's endpoints and the labels seen on them.</summary>
internal sealed class EndpointRecorder : IWindowObserver
{
    public List<(string? Source, string? Destination)> Pairs { get; } = [];

    public HashSet<string> Labels { get; } = [];

    public void OnWindow(in Connection connection, PairWindow window, FanOutView fanOut)
    {
        Pairs.Add((window.Source.DisplayName, window.Destination.DisplayName));
        foreach (var endpoint in new[] { window.Source, window.Destination })
        {
            if (endpoint.Labels?.Get("app") is { } app)
            {
                Labels.Add(app);
            }
        }
    }
}
