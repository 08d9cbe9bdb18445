using AutoShield.Detection.Models;
using AutoShield.Detection.Runtime;
using AutoShield.Ingestion.Pipeline;
using AutoShield.Ingestion.Simulation;
using AutoShield.Ingestion.Sources;

namespace AutoShield.Detection.Tests.Runtime;

/// <summary>Runs a simulator scenario through the ingestion pipeline into a <see cref="WindowDetector"/>.</summary>
internal static class SimulatedRun
{
    public static (DetectionCollector Sink, WindowDetector Detector) Detect(
        string scenario, int seed, TimeSpan duration, DetectionModel? model = null, WindowDetectorOptions? options = null)
    {
        var sink = new DetectionCollector();
        var detector = new WindowDetector(model, sink, options);
        var simulator = new ClusterSimulator(new SimulationOptions { Scenario = scenario, Seed = seed, Duration = duration });
        using var source = OpenedSource.FromReader(scenario, FlowSourceKind.Simulator, new EnumerableFlowReader(simulator.Generate()));
        new IngestionPipeline(observer: detector).Run([source]);
        detector.Flush();
        return (sink, detector);
    }
}
