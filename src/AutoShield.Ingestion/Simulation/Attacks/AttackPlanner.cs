using AutoShield.Ingestion.Simulation.Cluster;
using AutoShield.Ingestion.Simulation.Traffic;

namespace AutoShield.Ingestion.Simulation.Attacks;

/// <summary>
/// Decides which attacks run when. A single-attack scenario starts after 15-30 % of the run and lasts about
/// half of it (capped at what the attack would realistically sustain), so the run has clean background on both
/// sides. <c>mixed</c> runs three to five different attacks in successive slots, with a C2 implant, when drawn,
/// beaconing in the background for the whole run. All choices come from the seed.
/// </summary>
internal static class AttackPlanner
{
    private static readonly string[] AttackScenarios =
    [
        Scenarios.PortScanning, Scenarios.SynFlood, Scenarios.Ddos, Scenarios.BruteForce,
        Scenarios.LateralMovement, Scenarios.DataExfiltration, Scenarios.C2Beacon,
    ];

    public static List<AttackSource> Plan(ClusterModel cluster, SimulationOptions options, long start, long end)
    {
        var random = SeedMixer.Random(options.Seed, "plan:" + options.Scenario);
        var span = end - start;
        var attacks = new List<AttackSource>();
        var scenario = Scenarios.Find(options.Scenario)!.Name;
        if (scenario is Scenarios.Benign or Scenarios.BenignExported)
        {
            return attacks;
        }

        if (scenario != Scenarios.Mixed)
        {
            var (from, to) = scenario == Scenarios.C2Beacon
                ? (start + (long)(span * random.Uniform(0.05, 0.2)), end)
                : Window(random, start + (long)(span * random.Uniform(0.15, 0.3)), (long)(span * random.Uniform(0.45, 0.6)), scenario, end);
            attacks.Add(Create(scenario, cluster, from, to, options, 0));
            return attacks;
        }

        var chosen = random.Shuffled(AttackScenarios).Take(random.Next(3, 6)).ToList();
        if (chosen.Remove(Scenarios.C2Beacon))
        {
            attacks.Add(Create(Scenarios.C2Beacon, cluster, start + (long)(span * random.Uniform(0.02, 0.1)), end, options, attacks.Count));
        }

        var first = start + (long)(span * 0.08);
        var slot = (long)(span * 0.87) / chosen.Count;
        foreach (var name in chosen)
        {
            var slotStart = first + (slot * attacks.Count(a => a.Tag.Scenario != Scenarios.C2Beacon));
            var (from, to) = Window(random, slotStart + (long)(slot * random.Uniform(0, 0.15)), (long)(slot * random.Uniform(0.6, 0.8)), name, end);
            attacks.Add(Create(name, cluster, from, to, options, attacks.Count));
        }

        return attacks;
    }

    private static (long From, long To) Window(Random random, long from, long length, string scenario, long end)
    {
        // Longer runs do not make a flood last hours: cap each attack at a realistic length.
        var cap = SimContext.Seconds(scenario switch
        {
            Scenarios.SynFlood or Scenarios.Ddos => random.Uniform(60, 300),
            Scenarios.PortScanning => random.Uniform(120, 600),
            Scenarios.BruteForce => random.Uniform(300, 900),
            _ => random.Uniform(600, 1_800),
        });
        return (from, Math.Min(end, from + Math.Min(length, cap)));
    }

    private static AttackSource Create(string scenario, ClusterModel cluster, long from, long to, SimulationOptions options, int index)
    {
        var random = SeedMixer.Random(options.Seed, $"attack:{options.Scenario}:{index}:{scenario}");
        var intensity = options.AttackIntensity;
        return scenario switch
        {
            Scenarios.PortScanning => new PortScanAttack(cluster, from, to, random, intensity),
            Scenarios.SynFlood => new SynFloodAttack(cluster, from, to, random, intensity),
            Scenarios.Ddos => new DdosAttack(cluster, from, to, random, intensity),
            Scenarios.BruteForce => new BruteForceAttack(cluster, from, to, random, intensity),
            Scenarios.LateralMovement => new LateralMovementAttack(cluster, from, to, random, intensity),
            Scenarios.DataExfiltration => new DataExfiltrationAttack(cluster, from, to, random, intensity),
            Scenarios.C2Beacon => new C2BeaconAttack(cluster, from, to, random, intensity),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "not an attack scenario"),
        };
    }
}
