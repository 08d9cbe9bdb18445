using AutoShield.Core.Flows;
using AutoShield.Core.Windows;
using AutoShield.Ingestion.Pipeline;
using AutoShield.Ingestion.Windows;

namespace AutoShield.Cli.Commands;

/// <summary>Remembers, per source, the widest fan-out it reached and the labels of its connections (for the demo's summary).</summary>
public sealed class FanOutLeaders : IWindowObserver
{
    private readonly Dictionary<EndpointIdentity, Leader> _bySource = [];

    public void OnWindow(in Connection connection, PairWindow window, FanOutView fanOut)
    {
        if (!_bySource.TryGetValue(fanOut.Source, out var leader))
        {
            leader = new Leader(fanOut.Source.ToString());
            _bySource[fanOut.Source] = leader;
        }

        leader.Connections++;
        leader.MaxDestinations = Math.Max(leader.MaxDestinations, fanOut.DistinctDestinations);
        leader.MaxPorts = Math.Max(leader.MaxPorts, fanOut.DistinctPorts);
        leader.MaxFailedRatio = Math.Max(leader.MaxFailedRatio, fanOut.Connections >= 10 ? fanOut.FailedRatio : 0);
        if (connection.Label is { } label && label != "BENIGN")
        {
            leader.AttackLabels.Add(label);
        }
    }

    /// <summary>The sources with the widest fan-out (destinations × ports over the horizon), widest first.</summary>
    public IReadOnlyList<Leader> Top(int count) =>
        [.. _bySource.Values.OrderByDescending(l => (long)l.MaxDestinations * l.MaxPorts).ThenBy(l => l.Source, StringComparer.Ordinal).Take(count)];

    /// <summary>One source's widest fan-out over the run.</summary>
    public sealed class Leader(string source)
    {
        public string Source { get; } = source;

        public long Connections { get; set; }

        public int MaxDestinations { get; set; }

        public int MaxPorts { get; set; }

        public double MaxFailedRatio { get; set; }

        public SortedSet<string> AttackLabels { get; } = new(StringComparer.Ordinal);
    }
}
