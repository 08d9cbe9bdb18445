using AutoShield.Core.Windows;
using AutoShield.Detection.Explanations;

namespace AutoShield.Detection.Tests.Explanations;

public sealed class WindowFactsTests
{
    [Fact]
    public void From_OldPairAllFailedSoFar_CountsWindowFailuresExactly()
    {
        // Arrange: 30 connections; the first 25 failed, the last 5 completed.
        var window = ScanWindow.Create(rows: 20);
        for (var r = 0; r < WindowShape.Rows; r++)
        {
            var n = 30 - (19 - r);
            var failed = Math.Min(n, 25);
            window[(r * WindowShape.Features) + (int)WindowFeature.FailedRatio] = (float)failed / n;
        }

        // Act
        var facts = WindowFacts.From(window, 20, pairConnections: 30, pairFailed: 25);

        // Assert: row 0 is connection 11, which failed like all before it.
        Assert.Equal(15, facts.FailedInWindow);
    }

    [Fact]
    public void From_MixedHistoryBeforeWindow_LeavesWindowFailuresUnknown()
    {
        var window = ScanWindow.Create(rows: 20);
        for (var r = 0; r < WindowShape.Rows; r++)
        {
            window[(r * WindowShape.Features) + (int)WindowFeature.FailedRatio] = 0.5f;
        }

        var facts = WindowFacts.From(window, 20, pairConnections: 40, pairFailed: 20);

        Assert.Null(facts.FailedInWindow);
    }

    [Fact]
    public void From_ScanWindow_TotalsAndSpan()
    {
        var facts = WindowFacts.From(ScanWindow.Create(rows: 12), 12);

        Assert.Equal(12, facts.Rows);
        Assert.Equal(12, facts.Syns);
        Assert.Equal(12, facts.Rsts);
        Assert.Equal(1.1, facts.SpanSeconds, 1e-5);
        Assert.Equal(12, facts.DistinctPorts);
        Assert.Null(facts.BytesSent);
        Assert.Null(facts.FailedInWindow);
    }
}
