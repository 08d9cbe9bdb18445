using AutoShield.Core.Detections;
using AutoShield.Core.Flows;
using AutoShield.Core.Net;
using AutoShield.Detection.Runtime;
using AutoShield.Ingestion.Simulation;
using AutoShield.Testing;

namespace AutoShield.Detection.Tests.Runtime;

public sealed class DnsNameRuleTests
{
    private const long T0 = 1_700_000_000_000_000_000;
    private const string Base32 = "abcdefghijklmnopqrstuvwxyz234567";

    [Fact]
    public void Evaluate_EncodedLabelUnderAttackerDomain_RaisesExfiltrationOnFirstLookup()
    {
        var rule = new DnsNameRule(new DnsNameRuleOptions());
        var name = $"{Encoded(new Random(1), 52)}.{Encoded(new Random(2), 20)}.0001.qwxyz-sync.top.";

        var verdict = rule.Evaluate(Lookup(name, T0));

        Assert.Equal(AttackClass.DataExfiltration, verdict.AttackClass);
        Assert.Equal(52, verdict.LongestRun);
        Assert.True(verdict.RunEntropy > 4.1, $"entropy {verdict.RunEntropy}");
        Assert.InRange(verdict.Confidence, 0.6, 0.99);
        Assert.Equal(1, verdict.DistinctNames);
    }

    [Theory]
    [InlineData("postgres.shop.svc.cluster.local.")]
    [InlineData("api.stripe.com.")]
    [InlineData("s3.eu-west-1.amazonaws.com")]
    [InlineData("istiod-istio-1611.istio-system.svc.istio-system.svc.cluster.local.")]
    [InlineData("d41d8cd98f00b204e9800998ecf8427e.cdn.example.com.")]
    [InlineData("internal-k8s-shop-frontend-3f1c2a9b7e-1234567890.eu-west-1.elb.amazonaws.com.")]
    public void Evaluate_ServiceAndProviderNames_DoNotFire(string name)
    {
        var rule = new DnsNameRule(new DnsNameRuleOptions());

        var verdict = rule.Evaluate(Lookup(name, T0));

        Assert.False(verdict.Fired, $"{name}: label {verdict.LongestRun}, entropy {verdict.RunEntropy:F2}");
        Assert.Equal(name, verdict.Query);
    }

    [Fact]
    public void Evaluate_ManyDistinctShortNamesUnderOneParent_FiresAtTheThreshold()
    {
        var rule = new DnsNameRule(new DnsNameRuleOptions { MinDistinctNames = 10 });
        var verdicts = Enumerable.Range(0, 12).Select(i => rule.Evaluate(Lookup($"c{i:x4}.t.evil.io.", T0 + (i * 100_000_000L)))).ToArray();

        Assert.All(verdicts[..9], v => Assert.False(v.Fired));
        Assert.Equal(10, verdicts[9].DistinctNames);
        Assert.Equal(AttackClass.DataExfiltration, verdicts[9].AttackClass);
        Assert.True(verdicts[11].Fired);
    }

    [Fact]
    public void Evaluate_SameNameRepeated_CountsOnceAndRestartsAfterTheInterval()
    {
        var rule = new DnsNameRule(new DnsNameRuleOptions { MinDistinctNames = 2, Interval = TimeSpan.FromSeconds(10) });

        var first = rule.Evaluate(Lookup("a.example.com.", T0));
        var repeat = rule.Evaluate(Lookup("a.example.com.", T0 + 1_000_000_000));
        var later = rule.Evaluate(Lookup("b.example.com.", T0 + 20_000_000_000));

        Assert.Equal(1, first.DistinctNames);
        Assert.Equal(1, repeat.DistinctNames);
        Assert.Equal(1, later.DistinctNames);
        Assert.False(later.Fired);
    }

    [Fact]
    public void Evaluate_SlightlyOlderConnectionAfterNewer_CountsInTheSameSpan()
    {
        var rule = new DnsNameRule(new DnsNameRuleOptions { MinDistinctNames = 3 });

        rule.Evaluate(Lookup("a.example.com.", T0 + 5_000_000_000));
        rule.Evaluate(Lookup("b.example.com.", T0));
        var third = rule.Evaluate(Lookup("c.example.com.", T0 + 6_000_000_000));

        Assert.Equal(3, third.DistinctNames);
        Assert.True(third.Fired);
    }

    [Fact]
    public void Evaluate_NoQueryName_ReturnsDefault()
    {
        var rule = new DnsNameRule(new DnsNameRuleOptions());

        var verdict = rule.Evaluate(Flows.Probe(T0, 5432, completed: true));

        Assert.Equal(default, verdict);
    }

    [Fact]
    public void Evaluate_SteadyState_AllocatesNothing()
    {
        // Arrange: names interned up front, as a reader's string pool does; more parents than the store holds, so
        // eviction runs too.
        var rule = new DnsNameRule(new DnsNameRuleOptions { MaxParents = 16 });
        var random = new Random(3);
        var lookups = Enumerable.Range(0, 300)
            .Select(i => Lookup($"{Encoded(random, 10 + (i % 50))}.p{i % 40}-example.net.", T0 + (i * 1_000_000L)))
            .ToArray();
        var next = 0;
        var fired = 0;
        void Run(int count)
        {
            for (var i = 0; i < count; i++)
            {
                fired += rule.Evaluate(lookups[next++ % lookups.Length]).Fired ? 1 : 0;
            }
        }

        Run(300);

        // Act
        var allocated = Allocations.LeastPerRound(() => Run(300));

        // Assert
        Assert.Equal(0, allocated);
        Assert.True(fired > 0);
        Assert.Equal(16, rule.TrackedParents);
    }

    [Fact]
    public void OnWindow_DataExfiltrationScenario_RaisesTunnelWithSentenceFromTheName()
    {
        var (sink, _) = SimulatedRun.Detect(Scenarios.DataExfiltration, 1, TimeSpan.FromMinutes(3));

        var tunnel = sink.Detections.Where(d => d.Detector == DnsNameRule.MethodName).ToList();
        Assert.NotEmpty(tunnel);
        Assert.All(tunnel, d => Assert.Equal(AttackClass.DataExfiltration, d.AttackClass));
        Assert.All(tunnel, d => Assert.Equal(AttackLabels.DataExfiltration, d.Label));
        Assert.Matches(
            @"^DNS tunnelling: the query under [a-z]+-[a-z]+\.[a-z]+ carries a run of [4-6][0-9] characters at [45]\.[0-9] bits per character \(encoded data: 30\+ characters above 4\.1 bits\); this source asked [0-9]+ distinct names? under it in .+ \(a tunnel from 40\)$",
            tunnel[0].Explanation.Sentence);
        Assert.True(tunnel[0].Features["dns_longest_run"] >= 40);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void OnWindow_BenignScenario_RaisesNothingFromDnsNames(int seed)
    {
        var (sink, _) = SimulatedRun.Detect(Scenarios.Benign, seed, TimeSpan.FromSeconds(120));

        Assert.DoesNotContain(sink.Detections, d => d.Detector == DnsNameRule.MethodName);
    }

    private static string Encoded(Random random, int length) =>
        string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Base32[r.Next(Base32.Length)];
            }
        });

    private static Connection Lookup(string name, long start) => new()
    {
        Protocol = IpProtocol.Udp,
        InitiatorIp = Flows.Attacker,
        ResponderIp = IpAddr.FromV4(10, 0, 0, 10),
        InitiatorPort = 41000,
        ResponderPort = 53,
        Initiator = new FlowEndpoint { Namespace = "data", PodName = "reporting-1", Workload = "reporting", Identity = 400 },
        Responder = new FlowEndpoint { Namespace = "kube-system", PodName = "coredns-1", Workload = "coredns", Identity = 401 },
        StartUnixNanos = start,
        EndUnixNanos = start + 2_000_000,
        BytesSent = -1,
        BytesReceived = -1,
        HandshakeCompleted = true,
        ResponderReplied = true,
        DnsRcode = 0,
        DnsQuery = name,
        Label = "BENIGN",
    };
}
