using AutoShield.Core.Detections;
using AutoShield.Core.Flows;
using AutoShield.Core.Net;
using AutoShield.Detection.Runtime;
using AutoShield.Ingestion.Simulation;
using AutoShield.Ingestion.Windows;
using AutoShield.Testing;

namespace AutoShield.Detection.Tests.Runtime;

public sealed class AuthFailureRuleTests
{
    private const long T0 = 1_700_000_000_000_000_000;
    private const long Second = 1_000_000_000;

    [Fact]
    public void OnWindow_RefusedLoginsThroughAProxy_RaisesBruteForceWithSentenceFromTheCounts()
    {
        // Arrange: an ingress pod's pooled connections to one frontend pod, each ending in 401, one every 2 s.
        var sink = new DetectionCollector();
        var detector = new WindowDetector(null, sink);

        // Act
        Feed(detector, Enumerable.Range(0, 12).Select(i => Http(T0 + (i * 2 * Second), 401, source: i % 3)));

        // Assert: one detection (repeats held back per destination), quoting the workload's numbers at the third refusal.
        var guessing = Assert.Single(sink.Detections);
        Assert.Equal(AttackClass.BruteForce, guessing.AttackClass);
        Assert.Equal(AuthFailureExplanation.MethodName, guessing.Detector);
        Assert.Equal(3, guessing.Features["auth_refused_connections"]);
        Assert.Equal(3, guessing.Features["auth_http_connections"]);
        Assert.Equal(0.5, guessing.Confidence, 3);
        Assert.Equal(
            "3 of 3 HTTP connections to port 8080 of this workload ended in 401 Unauthorized in 4 s; password guessing starts at 3 refused logins a minute, most of the destination's HTTP connections",
            guessing.Explanation.Sentence);
        Assert.True(detector.Counters.Suppressed > 0);
    }

    [Fact]
    public void Evaluate_OccasionalMistypedPasswordAmongSuccesses_DoesNotFire()
    {
        // Arrange: 6 refusals among 40 HTTP connections in a minute (15 %): users mistyping, not guessing.
        var rule = new AuthFailureRule(new AuthFailureRuleOptions());
        var verdicts = new List<AuthFailureVerdict>();

        // Act
        for (var i = 0; i < 40; i++)
        {
            verdicts.Add(rule.Evaluate(Http(T0 + (i * Second), i % 7 == 3 ? 401 : 200)));
        }

        // Assert
        Assert.DoesNotContain(verdicts, v => v.Fired);
    }

    [Fact]
    public void Evaluate_RefusalsSpreadBeyondTheInterval_DoNotAddUp()
    {
        // Arrange: one refused login every 40 s: never three within a minute.
        var rule = new AuthFailureRule(new AuthFailureRuleOptions());

        // Act
        var verdicts = Enumerable.Range(0, 10).Select(i => rule.Evaluate(Http(T0 + (i * 40 * Second), 401))).ToList();

        // Assert
        Assert.DoesNotContain(verdicts, v => v.Fired);
    }

    [Fact]
    public void Evaluate_ConnectionWithoutHttp_IsNotCounted()
    {
        var rule = new AuthFailureRule(new AuthFailureRuleOptions { MinRefused = 1 });

        var verdict = rule.Evaluate(Http(T0, 0));

        Assert.False(verdict.Fired);
        Assert.Equal(0, rule.Count);
    }

    [Fact]
    public void Evaluate_SuccessAmongRefusals_IsNotTheOneFlagged()
    {
        // Arrange: five refusals, then a successful login on the same destination.
        var rule = new AuthFailureRule(new AuthFailureRuleOptions());
        for (var i = 0; i < 5; i++)
        {
            rule.Evaluate(Http(T0 + (i * Second), 401));
        }

        // Act
        var success = rule.Evaluate(Http(T0 + (6 * Second), 302));
        var refusal = rule.Evaluate(Http(T0 + (7 * Second), 401));

        // Assert
        Assert.False(success.Fired);
        Assert.True(refusal.Fired);
        Assert.Equal(6, refusal.Refused);
        Assert.Equal(7, refusal.HttpConnections);
    }

    [Fact]
    public void Evaluate_ManyDestinations_StaysWithinMaxDestinations()
    {
        var rule = new AuthFailureRule(new AuthFailureRuleOptions { MaxDestinations = 100 });

        for (var i = 0; i < 1_000; i++)
        {
            rule.Evaluate(Http(T0 + (i * Second / 10), 401, target: i));
        }

        Assert.InRange(rule.Count, 1, 100);
    }

    [Fact]
    public void Evaluate_SteadyState_AllocatesNothing()
    {
        var rule = new AuthFailureRule(new AuthFailureRuleOptions { MaxDestinations = 1_000 });
        var connections = Enumerable.Range(0, 500).Select(i => Http(T0, i % 3 == 0 ? 200 : 401, target: i)).ToArray();
        for (var i = 0; i < 500; i++)
        {
            rule.Evaluate(At(connections[i], T0 + (i * Second / 100)));
        }

        var next = 500;
        var allocated = Allocations.LeastPerRound(() =>
        {
            for (var end = next + 50_000; next < end; next++)
            {
                rule.Evaluate(At(connections[next % 500], T0 + (next * Second / 100)));
            }
        });

        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void OnWindow_BenignScenario_RaisesNothingFromRefusedLogins(int seed)
    {
        var (sink, _) = SimulatedRun.Detect(Scenarios.Benign, seed, TimeSpan.FromSeconds(120));

        Assert.DoesNotContain(sink.Detections, d => d.Detector == AuthFailureExplanation.MethodName);
    }

    private static void Feed(WindowDetector detector, IEnumerable<Connection> connections)
    {
        var windows = new WindowStore();
        var fanOut = new FanOutStore();
        foreach (var connection in connections)
        {
            detector.OnWindow(connection, windows.Update(connection), fanOut.Update(connection));
        }
    }

    private static Connection At(Connection connection, long end)
    {
        connection.StartUnixNanos = end - (5 * Second);
        connection.EndUnixNanos = end;
        return connection;
    }

    private static Connection Http(long end, int status, int source = 0, int target = 9) => new()
    {
        Protocol = IpProtocol.Tcp,
        InitiatorIp = IpAddr.FromV4(10, 0, 1, (byte)(5 + source)),
        ResponderIp = IpAddr.FromV4((uint)(0x0A00_0000 + target)),
        InitiatorPort = 40000,
        ResponderPort = 8080,
        Initiator = new FlowEndpoint { Namespace = "ingress-nginx", PodName = $"ingress-nginx-controller-{source}", Identity = 400 },
        Responder = new FlowEndpoint { Namespace = "shop", PodName = $"frontend-{target}", Identity = 301 },
        StartUnixNanos = end - (5 * Second),
        EndUnixNanos = end,
        SynCount = 2,
        AckCount = 20,
        FinCount = 2,
        BytesSent = -1,
        BytesReceived = -1,
        HandshakeCompleted = true,
        ResponderReplied = true,
        HttpStatus = status,
        DnsRcode = -1,
        Label = status == 401 ? AttackClass.BruteForce : AttackClass.Benign,
    };
}
