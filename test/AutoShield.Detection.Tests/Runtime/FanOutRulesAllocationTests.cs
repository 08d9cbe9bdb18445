using AutoShield.Detection.Runtime;
using AutoShield.Ingestion.Windows;
using AutoShield.Testing;

namespace AutoShield.Detection.Tests.Runtime;

public sealed class FanOutRulesAllocationTests
{
    private const long T0 = 1_700_000_000_000_000_000;

    [Fact]
    public void Evaluate_AdminPortsSteadyState_AllocatesNothing()
    {
        // Arrange: one pod probing ssh and kubelet on 40 hosts over and over (trail, admin store and carry-over all busy).
        var rules = new FanOutRules(new FanOutRuleOptions());
        var store = new FanOutStore();
        var connections = Enumerable.Range(0, 40).SelectMany(i => new[] { Flows.Probe(T0, 22, completed: i % 2 == 0, target: 9 + i), Flows.Probe(T0, 10250, completed: true, target: 9 + i), Flows.Probe(T0, 6379, completed: true, target: 9 + i) }).ToArray();
        var next = 0;
        void Run(int count)
        {
            for (var end = next + count; next < end; next++)
            {
                var connection = connections[next % connections.Length];
                connection.StartUnixNanos = T0 + (next * 10_000_000L);
                connection.EndUnixNanos = connection.StartUnixNanos + 2_000_000;
                rules.Evaluate(connection, store.Update(connection));
            }
        }

        Run(2_000);

        // Act
        var allocated = Allocations.LeastPerRound(() => Run(20_000));

        // Assert
        Assert.Equal(0, allocated);
    }
}
