using AutoShield.Core.Detections;
using AutoShield.Core.Windows;
using AutoShield.Detection.Explanations;

namespace AutoShield.Detection.Tests.Explanations;

public sealed class ExplanationSentenceTests
{
    [Fact]
    public void Build_PortScanWindow_QuotesSynsHandshakesPortsAndSpan()
    {
        // Arrange
        var facts = WindowFacts.From(ScanWindow.Create(rows: 12), rowCount: 12, pairConnections: 12, pairFailed: 12);

        // Act
        var sentence = ExplanationSentence.Build(AttackClass.PortScan, facts);

        // Assert
        Assert.Equal("12 SYNs, 0 completed handshakes, 12 ports in 1.1 s, 12 RSTs", sentence);
    }

    [Fact]
    public void Build_OtherNumbers_FollowTheWindow()
    {
        var window = ScanWindow.Create(rows: 7);
        window[((WindowShape.Rows - 1) * WindowShape.Features) + (int)WindowFeature.DistinctPorts] = 41;

        var sentence = ExplanationSentence.Build(AttackClass.PortScan, WindowFacts.From(window, 7, 7, 7));

        Assert.StartsWith("7 SYNs, 0 completed handshakes, 41 ports in 600 ms", sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoByteCounts_ExfiltrationSaysSoAndQuotesNoBytes()
    {
        var facts = WindowFacts.From(ScanWindow.Create(rows: 4), 4);

        var sentence = ExplanationSentence.Build(AttackClass.DataExfiltration, facts);

        Assert.Contains("no byte counts", sentence, StringComparison.Ordinal);
        Assert.DoesNotContain(" B ", sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("sent", sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WithBytes_QuotesWindowTotals()
    {
        var window = ScanWindow.Create(rows: 3);
        for (var r = 17; r < 20; r++)
        {
            window[(r * WindowShape.Features) + (int)WindowFeature.BytesSent] = 4_000_000;
            window[(r * WindowShape.Features) + (int)WindowFeature.BytesReceived] = 500;
        }

        var sentence = ExplanationSentence.Build(AttackClass.DataExfiltration, WindowFacts.From(window, 3));

        Assert.StartsWith("12 MB sent and 1.5 kB received over 3 connections in 200 ms", sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WithAttribution_NamesTheDrivingFeature()
    {
        var model = ExplanationModels.SynOnlyDecides;
        var window = new float[WindowShape.Cells];
        ExplanationModels.FillSynOnly(window, 1, new Random(61));
        var map = new Occlusion(model).Explain(window, WindowShape.Rows, 1);

        var sentence = ExplanationSentence.Build(AttackClass.SynFlood, WindowFacts.From(window, WindowShape.Rows), map);

        Assert.Contains("driven most by SYN count", sentence, StringComparison.Ordinal);
    }
}
