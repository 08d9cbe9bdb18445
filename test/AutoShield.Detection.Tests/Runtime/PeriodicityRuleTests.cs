using AutoShield.Core.Windows;
using AutoShield.Detection.Runtime;

namespace AutoShield.Detection.Tests.Runtime;

public sealed class PeriodicityRuleTests
{
    private static readonly PeriodicityRule Rule = new(new PeriodicityRuleOptions());

    [Fact]
    public void Evaluate_RegularGapsToExternalAddress_FiresAndExplainsWithTheGaps()
    {
        // Arrange: a pair's first 6 connections, 45 s apart ± 2 s.
        var window = Gaps(0, 44, 46, 45, 43, 47);
        var traits = SignalGateTests.Traits(external: true, port: 443, pairConnections: 6);

        // Act
        var verdict = Rule.Evaluate(window, 6, traits);
        var explanation = Rule.Explain(verdict, traits);

        // Assert: the pair-first row's 0 s gap is left out.
        Assert.True(verdict.Fired);
        Assert.Equal(5, verdict.Intervals);
        Assert.Equal(45, verdict.MeanSeconds, 6);
        Assert.InRange(verdict.Confidence, 0.5, 0.99);
        Assert.StartsWith("6 connections to an address outside the cluster (port 443) started every 45 s on average, spread 1.4 s (3 %", explanation.Sentence, StringComparison.Ordinal);
        Assert.Equal(PeriodicityRule.MethodName, explanation.Method);
    }

    [Fact]
    public void Evaluate_InternalDestination_DoesNotFire()
    {
        var verdict = Rule.Evaluate(Gaps(0, 30, 30, 30, 30), 5, SignalGateTests.Traits(external: false, port: 9090, pairConnections: 5));

        Assert.False(verdict.Fired);
    }

    [Fact]
    public void Evaluate_IrregularGaps_DoesNotFire()
    {
        var verdict = Rule.Evaluate(Gaps(0, 5, 60, 20, 90), 5, SignalGateTests.Traits(external: true, port: 443, pairConnections: 5));

        Assert.False(verdict.Fired);
    }

    [Fact]
    public void Evaluate_TooFewGapsOrTooFast_DoesNotFire()
    {
        var external = SignalGateTests.Traits(external: true, port: 443, pairConnections: 3);

        Assert.False(Rule.Evaluate(Gaps(0, 40, 40), 3, external).Fired);
        Assert.False(Rule.Evaluate(Gaps(0, 1, 1, 1, 1), 5, external with { PairConnections = 5 }).Fired);
    }

    [Fact]
    public void Evaluate_PairLongerThanWindow_CountsEveryRow()
    {
        // 30 connections so far: the oldest row's gap is real.
        var verdict = Rule.Evaluate(Gaps(40, 40, 40, 40), 4, SignalGateTests.Traits(external: true, port: 443, pairConnections: 30));

        Assert.True(verdict.Fired);
        Assert.Equal(4, verdict.Intervals);
    }

    private static float[] Gaps(params float[] gaps)
    {
        var window = new float[WindowShape.Cells];
        var first = WindowShape.Rows - gaps.Length;
        for (var i = 0; i < gaps.Length; i++)
        {
            window[((first + i) * WindowShape.Features) + (int)WindowFeature.InterArrival] = gaps[i];
        }

        return window;
    }
}
