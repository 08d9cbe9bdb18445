namespace AutoShield.Ingestion.Simulation;

/// <summary>What the simulator runs: scenario, length, seed, clock start and rates. Same options, same output.</summary>
public sealed record SimulationOptions
{
    /// <summary>Monday 2026-01-05 09:00 UTC: a fixed start, so output never depends on the wall clock.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A name from <see cref="Scenarios.All"/>.</summary>
    public string Scenario { get; init; } = Scenarios.Mixed;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    public int Seed { get; init; } = 1;

    public DateTimeOffset Start { get; init; } = DefaultStart;

    /// <summary>Multiplier on the benign request rate (1 = a small shop at mid-morning, about 10 requests/s).</summary>
    public double Intensity { get; init; } = 1.0;

    /// <summary>Multiplier on attack rates (probes, SYNs, attempts per second), within each attack's realistic range.</summary>
    public double AttackIntensity { get; init; } = 1.0;

    /// <summary>Set <c>FlowEvent.Label</c> and write the <c>"autoshield"</c> ground-truth object.</summary>
    public bool IncludeLabels { get; init; } = true;

    /// <summary>
    /// Fill <c>FlowEvent.PayloadBytes</c> of in-memory events with the modelled segment size. Off by default because
    /// Hubble has no byte counts; the JSON writer never writes them either way.
    /// </summary>
    public bool IncludePayloadBytes { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (Simulation.Scenarios.Find(Scenario) is null)
        {
            throw new ArgumentException(
                $"unknown scenario '{Scenario}'; expected one of {string.Join(", ", Simulation.Scenarios.All.Select(s => s.Name))}",
                nameof(Scenario));
        }

        if (Duration <= TimeSpan.Zero || Duration > TimeSpan.FromDays(7))
        {
            throw new ArgumentException("duration must be above 0 and at most 7 days", nameof(Duration));
        }

        if (!(Intensity > 0 && Intensity <= 100))
        {
            throw new ArgumentException("intensity must be above 0 and at most 100", nameof(Intensity));
        }

        if (!(AttackIntensity > 0 && AttackIntensity <= 10))
        {
            throw new ArgumentException("attack intensity must be above 0 and at most 10", nameof(AttackIntensity));
        }
    }
}
