using AutoShield.Core.Detections;
using AutoShield.Detection.Data;
using AutoShield.Detection.Evaluation;
using AutoShield.Detection.Models;
using AutoShield.Detection.Runtime;
using AutoShield.Ingestion.Pipeline;
using AutoShield.Ingestion.Simulation;
using AutoShield.Ingestion.Sources;
using AutoShield.Testing;

namespace AutoShield.Detection.Tests.Runtime;

/// <summary>The gate and rules with the committed default model, in the runtime and in evaluation alike.</summary>
public sealed class RuntimeRulesTests
{
    private static readonly Lazy<DetectionModel> Model = new(() => DetectionModel.Load(Path.Combine(SharedData.RepositoryRoot, "models", "default")));

    [Fact]
    public void Score_AccessLogOnlyHubbleFile_GateRemovesExfiltration()
    {
        // Arrange: real benign L7-only HTTP records (no bytes, internal destinations).
        var data = WindowDatasetLoader.Load([DataSource.File(SharedData.Hubble("basic-sample-348-http-flows.json"))]);

        // Act
        var model = ModelScorer.Score(Model.Value, data, data.All(), runtime: new WindowDetectorOptions { GateBySignal = false, FanOut = null });
        var runtime = ModelScorer.Score(Model.Value, data, data.All());

        // Assert: the model alone calls many of them exfiltration; the runtime, gated, none.
        Assert.NotNull(data.Traits);
        Assert.Contains(AttackClass.DataExfiltration, model.Predicted);
        Assert.DoesNotContain(AttackClass.DataExfiltration, runtime.Predicted);
    }

    [Fact]
    public void OnWindow_AccessLogOnlyHubbleFile_RaisesNoExfiltration()
    {
        // Arrange
        var sink = new DetectionCollector();
        var detector = new WindowDetector(Model.Value, sink);
        using var source = FlowSourceFactory.Open(SharedData.Hubble("basic-sample-348-http-flows.json"), null);

        // Act
        new IngestionPipeline(observer: detector).Run([source]);

        // Assert
        Assert.True(detector.Counters.Windows > 30);
        Assert.DoesNotContain(sink.Detections, d => d.AttackClass == AttackClass.DataExfiltration);
    }

    [Fact]
    public void OnWindow_ExfiltrationScenario_StillRaisesExfiltrationToTheInternet()
    {
        var (sink, _) = SimulatedRun.Detect(Scenarios.DataExfiltration, 11, TimeSpan.FromMinutes(2), Model.Value);

        Assert.Contains(sink.Detections, d => d.AttackClass == AttackClass.DataExfiltration && d.Label == AttackLabels.DataExfiltration);
    }

    [Fact]
    public void OnWindow_PeriodicityOn_RaisesBeaconWithItsSentence()
    {
        var options = new WindowDetectorOptions { Periodicity = new PeriodicityRuleOptions() };

        var (sink, _) = SimulatedRun.Detect(Scenarios.C2Beacon, 11, TimeSpan.FromMinutes(10), options: options);

        var beacons = sink.Detections.Where(d => d.Detector == PeriodicityRule.MethodName).ToList();
        Assert.NotEmpty(beacons);
        Assert.Contains(beacons, d => d.Label == AttackLabels.C2Beacon);
        Assert.All(beacons, d => Assert.Contains("outside the cluster", d.Explanation.Sentence, StringComparison.Ordinal));
    }
}
