using AutoShield.Core.Flows;
using AutoShield.Ingestion.Simulation;

namespace AutoShield.Ingestion.Tests.Simulation;

public sealed class ClusterSimulatorTests
{
    public static TheoryData<string, string> AttackScenarios => new()
    {
        { Scenarios.PortScanning, AttackLabels.PortScan },
        { Scenarios.SynFlood, AttackLabels.SynFlood },
        { Scenarios.Ddos, AttackLabels.SynFlood },
        { Scenarios.BruteForce, AttackLabels.BruteForce },
        { Scenarios.LateralMovement, AttackLabels.LateralMovement },
        { Scenarios.DataExfiltration, AttackLabels.DataExfiltration },
        { Scenarios.C2Beacon, AttackLabels.C2Beacon },
    };

    [Fact]
    public void Write_SameSeedTwice_IsByteIdentical()
    {
        var options = SimulatedRuns.Options(Scenarios.Mixed, seed: 7, seconds: 30);

        var first = new MemoryStream();
        var second = new MemoryStream();
        new ClusterSimulator(options).Write(first);
        new ClusterSimulator(options).Write(second);

        Assert.True(first.Length > 0);
        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public void Write_DifferentSeeds_GiveDifferentOutput()
    {
        var one = SimulatedRuns.JsonLines(Scenarios.Benign, seed: 1, seconds: 10).Take(2_000);
        var two = SimulatedRuns.JsonLines(Scenarios.Benign, seed: 2, seconds: 10).Take(2_000);

        Assert.NotEqual(one, two);
    }

    [Fact]
    public void Attacks_DifferentSeeds_PickDifferentTimesOrActors()
    {
        var plans = Enumerable.Range(1, 4)
            .Select(seed => new ClusterSimulator(SimulatedRuns.Options(Scenarios.PortScanning, seed)).Attacks.Single())
            .Select(a => $"{a.Start:O} {a.Attacker} {a.Description}")
            .ToList();

        Assert.Equal(plans.Count, plans.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(AttackScenarios))]
    public void Generate_AttackScenario_HasItsClassOnBenignBackground(string scenario, string label)
    {
        var flows = SimulatedRuns.Flows(scenario);

        var labels = flows.Select(f => f.Label).ToHashSet();
        Assert.Contains(label, labels);
        Assert.Contains(AttackLabels.Benign, labels);
        Assert.Equal([AttackLabels.Benign, label], labels.Order());
    }

    [Theory]
    [MemberData(nameof(AttackScenarios))]
    public void Generate_AttackScenario_AttackEventsStayInsideThePlannedWindow(string scenario, string label)
    {
        var window = new ClusterSimulator(SimulatedRuns.Options(scenario)).Attacks.Single();
        var attack = SimulatedRuns.Flows(scenario).Where(f => f.Label == label).ToList();

        Assert.Equal(label, window.Label);
        Assert.All(attack, f => Assert.InRange(f.Time, window.Start, window.End.AddSeconds(10)));
    }

    [Fact]
    public void Generate_Mixed_HasSeveralAttackClassesAtDifferentTimes()
    {
        var simulator = new ClusterSimulator(SimulatedRuns.Options(Scenarios.Mixed));
        var flows = SimulatedRuns.Flows(Scenarios.Mixed);

        var attackLabels = flows.Select(f => f.Label).Where(l => l != AttackLabels.Benign).Distinct().ToList();
        Assert.InRange(simulator.Attacks.Count, 3, 5);
        Assert.True(attackLabels.Count >= 3, string.Join(",", attackLabels));
        var sequential = simulator.Attacks.Where(a => a.Scenario != Scenarios.C2Beacon).OrderBy(a => a.Start).ToList();
        for (var i = 1; i < sequential.Count; i++)
        {
            Assert.True(sequential[i].Start >= sequential[i - 1].End, "attacks in mixed take turns");
        }
    }

    [Theory]
    [InlineData(Scenarios.Benign)]
    [InlineData(Scenarios.Mixed)]
    [InlineData(Scenarios.SynFlood)]
    [InlineData(Scenarios.DataExfiltration)]
    public void Generate_AnyScenario_IsTimeOrdered(string scenario)
    {
        var flows = SimulatedRuns.Flows(scenario);

        for (var i = 1; i < flows.Count; i++)
        {
            Assert.True(flows[i].TimeUnixNanos >= flows[i - 1].TimeUnixNanos, $"event {i} goes back in time");
        }
    }

    [Fact]
    public void Generate_Benign_HasNoAttackLabels()
    {
        var flows = SimulatedRuns.Flows(Scenarios.Benign);

        Assert.NotEmpty(flows);
        Assert.All(flows, f => Assert.Equal(AttackLabels.Benign, f.Label));
        Assert.Empty(new ClusterSimulator(SimulatedRuns.Options(Scenarios.Benign)).Attacks);
    }

    [Fact]
    public void Generate_Benign_HasPolicyDropsIcmpAndInternetSshLikeARealCluster()
    {
        var flows = SimulatedRuns.Flows(Scenarios.Benign);

        Assert.Contains(flows, f => f.Kind == FlowEventKind.Drop && f.DropReason == "POLICY_DENIED");
        Assert.Contains(flows, f => f.Protocol == IpProtocol.Icmp && f.IcmpType == 8 && f.Destination.Identity == 4);
        Assert.Contains(flows, f => f.Kind == FlowEventKind.L7 && f.L7.HttpCode == 200);
        Assert.Contains(flows, f => f.Kind == FlowEventKind.L7 && f.L7.DnsRcode == 3);
        Assert.Contains(flows, f => f.Source.Identity == 1 && f.Destination.PodName is not null);
    }

    [Fact]
    public void Write_AttackScenario_BackgroundIsTheBenignRunUnchanged()
    {
        using var benign = SimulatedRuns.JsonLines(Scenarios.Benign).GetEnumerator();
        var compared = 0;

        foreach (var line in SimulatedRuns.JsonLines(Scenarios.LateralMovement))
        {
            if (!line.Contains("\"label\":\"BENIGN\"", StringComparison.Ordinal))
            {
                continue;
            }

            Assert.True(benign.MoveNext(), "the attacked run has more background than the benign run");
            Assert.Equal(benign.Current, line);
            compared++;
        }

        Assert.False(benign.MoveNext(), "the attacked run lost background events");
        Assert.True(compared > 10_000);
    }

    [Fact]
    public void Generate_Benign_EveryTcpConnectionCompletesItsHandshake()
    {
        var connections = Connections(SimulatedRuns.Flows(Scenarios.Benign).Where(f => f.Protocol == IpProtocol.Tcp && f.Kind != FlowEventKind.L7));
        // Attempts that policy denied never became connections.
        var established = connections.Values.Where(events => !events.Any(e => e.IsDropped)).ToList();

        Assert.True(established.Count > 200, $"only {established.Count} connections");
        Assert.True(connections.Count - established.Count <= 2, "the background has only a stray denied attempt or two");
        Assert.All(established, events =>
        {
            Assert.True((events[0].Flags & TcpFlags.Syn) != 0, "the first event of a connection is its SYN");
            Assert.Contains(events, e => e.Flags == TcpFlags.Syn && e.Reply == ReplyState.Request);
            Assert.Contains(events, e => e.Flags == (TcpFlags.Syn | TcpFlags.Ack) && e.Reply == ReplyState.Reply);
            Assert.Contains(events, e => e.Flags == TcpFlags.Ack && e.Reply == ReplyState.Request);
        });
    }

    [Fact]
    public void Generate_PortScan_OneSourceTouchesManyDistinctPorts()
    {
        var probes = SimulatedRuns.Flows(Scenarios.PortScanning)
            .Where(f => f.Label == AttackLabels.PortScan && f.Reply != ReplyState.Reply && f.Kind != FlowEventKind.PolicyVerdict)
            .ToList();

        Assert.Single(probes.Select(f => f.Source.PodName).Distinct());
        Assert.True(probes.Select(f => f.DestinationPort).Distinct().Count() >= 50);
        // Probes open and abort; a scanner never sends data or closes politely.
        Assert.All(probes.Where(p => p.Protocol == IpProtocol.Tcp), p => Assert.Equal(TcpFlags.None, p.Flags & (TcpFlags.Psh | TcpFlags.Fin)));
    }

    [Fact]
    public void Generate_SynFlood_NoHandshakeCompletes()
    {
        var flood = SimulatedRuns.Flows(Scenarios.SynFlood).Where(f => f.Label == AttackLabels.SynFlood).ToList();

        Assert.True(flood.Count(f => f.Flags == TcpFlags.Syn) > 1_000);
        Assert.DoesNotContain(flood, f => f.Reply == ReplyState.Request && (f.Flags & TcpFlags.Ack) != 0);
    }

    [Fact]
    public void Generate_C2Beacon_ConnectsPeriodicallyWithinTheJitter()
    {
        var options = SimulatedRuns.Options(Scenarios.C2Beacon, seed: 3, seconds: 8 * 60) with { Intensity = 0.1 };
        var beacons = new ClusterSimulator(options).Generate()
            .Where(f => f.Label == AttackLabels.C2Beacon && f.Protocol == IpProtocol.Tcp && f.Flags == TcpFlags.Syn)
            .Select(f => f.TimeUnixNanos / 1e9)
            .ToList();

        Assert.True(beacons.Count >= 5, $"{beacons.Count} beacons");
        var intervals = beacons.Zip(beacons.Skip(1), (a, b) => b - a).ToList();
        var mean = intervals.Average();
        var spread = Math.Sqrt(intervals.Sum(i => (i - mean) * (i - mean)) / intervals.Count);
        Assert.InRange(mean, 24, 72);
        Assert.All(intervals, i => Assert.InRange(i, 30 * 0.8 - 1, 60 * 1.2 + 1));
        Assert.True(intervals.Max() / intervals.Min() <= 1.2 / 0.8 + 0.05, "intervals vary by no more than the jitter");
        Assert.True(spread / mean < 0.15, $"coefficient of variation {spread / mean:F3}");
    }

    [Fact]
    public void Generate_DataExfiltration_UploadsAndTunnelsThroughDns()
    {
        var exfil = SimulatedRuns.Flows(Scenarios.DataExfiltration).Where(f => f.Label == AttackLabels.DataExfiltration).ToList();

        var uploads = exfil.Where(f => f.Destination.Identity == 2 && (f.Flags & TcpFlags.Psh) != 0).ToList();
        Assert.True(uploads.Count > 100, $"{uploads.Count} PSH segments to the internet");
        Assert.Single(uploads.Select(f => f.Source.PodName).Distinct());
        var tunnel = exfil.Where(f => f.Kind == FlowEventKind.L7 && f.L7.Protocol == L7Protocol.Dns && f.L7.Type == L7FlowType.Request).ToList();
        Assert.NotEmpty(tunnel);
        Assert.All(tunnel, f => Assert.True(f.L7.DnsQuery!.Split('.')[0].Length >= 40, f.L7.DnsQuery));
    }

    [Fact]
    public void Generate_BruteForce_ManyShortConnectionsFromOneSource()
    {
        var attempts = SimulatedRuns.Flows(Scenarios.BruteForce)
            .Where(f => f.Label == AttackLabels.BruteForce && f.Flags == TcpFlags.Syn && f.Source.Identity == 2)
            .ToList();

        Assert.True(attempts.Count >= 20, $"{attempts.Count} connections");
        Assert.Single(attempts.Select(f => f.SourceIp).Distinct());
    }

    [Fact]
    public void Generate_Mixed60Seconds_HasTensOfThousandsOfEvents()
    {
        var count = SimulatedRuns.Flows(Scenarios.Mixed).Count;

        Assert.InRange(count, 10_000, 100_000);
    }

    [Fact]
    public void Generate_LabelsOff_LeavesEventsAndJsonUnlabelled()
    {
        var options = SimulatedRuns.Options(Scenarios.PortScanning, seconds: 20) with { IncludeLabels = false };
        var simulator = new ClusterSimulator(options);
        using var json = new MemoryStream();

        simulator.Write(json);

        Assert.All(simulator.Generate(), f => Assert.Null(f.Label));
        Assert.DoesNotContain("\"autoshield\":", System.Text.Encoding.UTF8.GetString(json.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_Default_HasNoPayloadBytes()
    {
        Assert.All(SimulatedRuns.Flows(Scenarios.Benign), f => Assert.Equal(-1, f.PayloadBytes));
    }

    [Fact]
    public void Generate_PayloadBytesOn_FillsSegmentSizes()
    {
        var options = SimulatedRuns.Options(Scenarios.Benign, seconds: 10) with { IncludePayloadBytes = true };

        var traces = new ClusterSimulator(options).Generate().Where(f => f.Kind == FlowEventKind.Trace && f.Protocol == IpProtocol.Tcp).ToList();

        Assert.Contains(traces, f => f.PayloadBytes > 0);
        Assert.All(traces.Where(f => f.Flags == TcpFlags.Syn), f => Assert.Equal(0, f.PayloadBytes));
    }

    [Fact]
    public void Generate_StartOption_MovesTheClock()
    {
        var start = new DateTimeOffset(2025, 3, 1, 22, 0, 0, TimeSpan.Zero);
        var options = SimulatedRuns.Options(Scenarios.Benign, seconds: 5) with { Start = start };

        var flows = new ClusterSimulator(options).Generate().ToList();

        Assert.All(flows, f => Assert.InRange(f.Time, start, start.AddSeconds(6)));
    }

    [Theory]
    [InlineData("no-such-scenario")]
    [InlineData("")]
    public void Constructor_UnknownScenario_Throws(string scenario)
    {
        var error = Assert.Throws<ArgumentException>(() => new ClusterSimulator(SimulatedRuns.Options(scenario)));
        Assert.Contains("port-scanning", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NonPositiveDuration_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ClusterSimulator(SimulatedRuns.Options(Scenarios.Benign, seconds: 0)));
    }

    [Fact]
    public void Scenarios_Catalogue_NamesEveryScenarioOnceWithADescription()
    {
        Assert.Equal(10, Scenarios.All.Count);
        Assert.Equal(Scenarios.All.Count, Scenarios.All.Select(s => s.Name).Distinct().Count());
        Assert.All(Scenarios.All, s => Assert.False(string.IsNullOrWhiteSpace(s.Description)));
        Assert.Same(Scenarios.All[1], Scenarios.Find("PORT-SCANNING"));
    }

    private static Dictionary<string, List<FlowEvent>> Connections(IEnumerable<FlowEvent> flows)
    {
        var connections = new Dictionary<string, List<FlowEvent>>(StringComparer.Ordinal);
        foreach (var f in flows)
        {
            var a = $"{f.SourceIp}:{f.SourcePort}";
            var b = $"{f.DestinationIp}:{f.DestinationPort}";
            var key = string.CompareOrdinal(a, b) < 0 ? $"{a}-{b}" : $"{b}-{a}";
            if (!connections.TryGetValue(key, out var list))
            {
                connections[key] = list = [];
            }

            list.Add(f);
        }

        return connections;
    }
}
