using AutoShield.Core.Flows;
using AutoShield.Ingestion.Hubble;
using AutoShield.Ingestion.Simulation.Attacks;
using AutoShield.Ingestion.Simulation.Benign;
using AutoShield.Ingestion.Simulation.Cluster;
using AutoShield.Ingestion.Simulation.Export;
using AutoShield.Ingestion.Simulation.Traffic;

namespace AutoShield.Ingestion.Simulation;

/// <summary>
/// A seeded model of a small Kubernetes cluster under Cilium that produces Hubble flow events: shop
/// microservices behind an ingress, DNS, kubelet probes, Prometheus scrapes, controllers watching the API server,
/// a bursty CronJob, cilium-health probes, partners' SFTP uploads and a misconfigured client's policy drops, with
/// the scenario's attacks injected into that background, every event labelled with its class. The same options always give the same events, byte for byte; the wall clock is never read.
/// </summary>
public sealed class ClusterSimulator
{
    public ClusterSimulator(SimulationOptions options)
    {
        options.Validate();
        Options = options;
        var cluster = ClusterBuilder.Build(options.Seed);
        var context = new SimContext(cluster, options);
        Attacks = AttackPlanner.Plan(cluster, options, context.StartNanos, context.EndNanos).Select(a => a.Window).ToList();
    }

    public SimulationOptions Options { get; }

    /// <summary>The attacks this run injects, in the order planned.</summary>
    public IReadOnlyList<AttackWindow> Attacks { get; }

    /// <summary>The events with the Hubble details the JSON form needs, in time order. Each enumeration replays the run.</summary>
    public IEnumerable<SimulatedFlow> GenerateDetailed()
    {
        var cluster = ClusterBuilder.Build(Options.Seed);
        var context = new SimContext(cluster, Options);
        var seed = Options.Seed;
        ITrafficSource[] background =
        [
            new WatchTraffic(seed),
            new ProbeTraffic(seed),
            new ScrapeTraffic(seed),
            new DashboardTraffic(seed),
            new ShopTraffic(seed),
            new ReportingTraffic(seed),
            new CronJobTraffic(seed),
            new HealthTraffic(seed),
            new PartnerTraffic(seed),
            new StrayTraffic(seed),
        ];
        foreach (var source in background)
        {
            source.Start(context);
        }

        foreach (var attack in AttackPlanner.Plan(cluster, Options, context.StartNanos, context.EndNanos))
        {
            attack.Start(context);
        }

        return Scenarios.Find(Options.Scenario)!.Name == Scenarios.BenignExported
            ? new ExportView(cluster, seed, context.StartNanos, context.EndNanos).Filter(context.Run())
            : context.Run();
    }

    /// <summary>The events alone, in time order, each labelled unless labels are off.</summary>
    public IEnumerable<FlowEvent> Generate() => GenerateDetailed().Select(f => f.Flow);

    /// <summary>Writes the run as Hubble JSON lines; returns the number of lines. Leaves the stream open.</summary>
    public long Write(Stream stream)
    {
        using var writer = new HubbleJsonWriter(stream, includeGroundTruth: Options.IncludeLabels, leaveOpen: true);
        foreach (var flow in GenerateDetailed())
        {
            writer.Write(flow.Flow, flow.Details);
        }

        writer.Flush();
        return writer.EventsWritten;
    }
}
