namespace AutoShield.Ingestion.Simulation.Traffic;

/// <summary>Ground truth for every event a piece of traffic produces: its class and the scenario that made it.</summary>
internal sealed record TrafficTag(string Label, string Scenario)
{
    public static readonly TrafficTag Benign = new(AttackLabels.Benign, Scenarios.Benign);
}
