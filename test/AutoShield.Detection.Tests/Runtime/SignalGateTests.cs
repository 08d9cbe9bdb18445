using AutoShield.Core.Detections;
using AutoShield.Core.Windows;
using AutoShield.Detection.Runtime;

namespace AutoShield.Detection.Tests.Runtime;

public sealed class SignalGateTests
{
    private static readonly string[] Classes = [AttackClass.Benign, AttackClass.SynFlood, AttackClass.DataExfiltration];

    [Fact]
    public void Apply_NoBytesInternalDestination_MovesExfiltrationToBenign()
    {
        // Arrange: a byte-free (Hubble) window of 5 rows to an internal service on port 80.
        var gate = new SignalGate(Classes);
        float[] probabilities = [0.1f, 0.05f, 0.85f];

        // Act
        var gated = gate.Apply(probabilities, Window(rows: 5, bytes: false), 5, Traits(external: false, port: 80));

        // Assert
        Assert.True(gated);
        Assert.Equal(0.95f, probabilities[0], 5);
        Assert.Equal(0.05f, probabilities[1]);
        Assert.Equal(0f, probabilities[2]);
    }

    [Theory]
    [InlineData(true, 443, false)]
    [InlineData(false, 53, false)]
    [InlineData(false, 80, true)]
    public void Apply_SignalPresent_KeepsExfiltration(bool external, int port, bool bytes)
    {
        var gate = new SignalGate(Classes);
        float[] probabilities = [0.1f, 0.05f, 0.85f];

        var gated = gate.Apply(probabilities, Window(rows: 5, bytes), 5, Traits(external, (ushort)port));

        Assert.False(gated);
        Assert.Equal(0.85f, probabilities[2]);
    }

    [Fact]
    public void HasBytes_BytesOnlyInPaddingRows_False()
    {
        // Arrange: byte columns of the padding rows hold zeros, the 3 real rows NaN.
        var window = Window(rows: 3, bytes: false);

        // Act / Assert
        Assert.False(SignalGate.HasBytes(window, 3));
        Assert.True(SignalGate.HasBytes(window, 4));
    }

    [Fact]
    public void Apply_ModelWithoutExfiltrationClass_ChangesNothing()
    {
        var gate = new SignalGate([AttackClass.Benign, AttackClass.PortScan]);
        float[] probabilities = [0.2f, 0.8f];

        Assert.False(gate.Apply(probabilities, Window(rows: 5, bytes: false), 5, Traits(false, 80)));
        Assert.Equal(0.8f, probabilities[1]);
    }

    [Fact]
    public void Apply_SlowRegularAnsweredLookupsToInClusterResolver_MovesExfiltrationToBenign()
    {
        // Arrange: a cache refreshing from kube-dns: 6 lookups 30 s apart (spread 1 s), none failed.
        var gate = new SignalGate(Classes);
        float[] probabilities = [0.2f, 0f, 0.8f];
        var window = Window(rows: 6, bytes: false, gaps: [0, 30, 29, 31, 30, 30]);

        // Act
        var gated = gate.Apply(probabilities, window, 6, Traits(false, 53, pairConnections: 6) with { Answered = true });

        // Assert
        Assert.True(gated);
        Assert.Equal(0f, probabilities[2]);
    }

    [Fact]
    public void Apply_FastIrregularLookupsToInClusterResolver_KeepsExfiltration()
    {
        // Arrange: a tunnel's pace: several queries a second, exponential gaps.
        var gate = new SignalGate(Classes);
        float[] probabilities = [0.2f, 0f, 0.8f];
        var window = Window(rows: 6, bytes: false, gaps: [0, 0.1f, 0.5f, 0.05f, 0.3f, 0.2f]);

        // Act
        var gated = gate.Apply(probabilities, window, 6, Traits(false, 53, pairConnections: 6) with { Answered = true });

        // Assert
        Assert.False(gated);
        Assert.Equal(0.8f, probabilities[2]);
    }

    [Theory]
    [InlineData(new float[] { 0, 30, 2, 30, 30, 30 })]
    [InlineData(new float[] { 0, 10, 60, 10, 60, 10 })]
    public void IsResolverRefresh_AQuickGapOrIrregularPace_False(float[] gaps)
    {
        var window = Window(rows: 6, bytes: false, gaps: gaps);

        Assert.False(SignalGate.IsResolverRefresh(window, 6, Traits(false, 53, pairConnections: 6)));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void IsResolverRefresh_PairsFirstLookup_OnlyWhenAnswered(bool answered, bool expected)
    {
        var window = Window(rows: 1, bytes: false, gaps: [0]);

        Assert.Equal(expected, SignalGate.IsResolverRefresh(window, 1, Traits(false, 53, pairConnections: 1) with { Answered = answered }));
    }

    [Fact]
    public void IsResolverRefresh_ExternalResolver_False()
    {
        var window = Window(rows: 6, bytes: false, gaps: [0, 30, 30, 30, 30, 30]);

        Assert.False(SignalGate.IsResolverRefresh(window, 6, Traits(true, 53, pairConnections: 6) with { Answered = true }));
    }

    [Theory]
    [InlineData(false, 0.8f)]
    [InlineData(true, 0f)]
    public void Apply_SynFloodWithoutFanInSupport_MovesItToBenign(bool fanInKnown, float expectedFlood)
    {
        // Arrange: one unanswered SYN; the destination saw nothing else (FloodSupported false).
        var gate = new SignalGate(Classes);
        float[] probabilities = [0.2f, 0.8f, 0f];

        // Act
        gate.Apply(probabilities, Window(rows: 1, bytes: false), 1, Traits(false, 80, 1) with { FanInKnown = fanInKnown, FloodSupported = false });

        // Assert
        Assert.Equal(expectedFlood, probabilities[1]);
    }

    [Fact]
    public void Apply_SynFloodWithFanInSupport_KeepsIt()
    {
        var gate = new SignalGate(Classes);
        float[] probabilities = [0.2f, 0.8f, 0f];

        var gated = gate.Apply(probabilities, Window(rows: 1, bytes: false), 1, Traits(false, 80, 1) with { FanInKnown = true, FloodSupported = true });

        Assert.False(gated);
        Assert.Equal(0.8f, probabilities[1]);
    }

    [Theory]
    [InlineData(true, 1, 0f)]
    [InlineData(true, 2, 0.7f)]
    [InlineData(true, 30, 0.7f)]
    [InlineData(false, 0, 0.7f)]
    public void Apply_PortScan_StandsOnlyWithMoreThanOneFailedConnectionOfTheSource(bool known, int sourceFailures, float expectedScan)
    {
        // Arrange: the classifier calls a lone refused connection a scan.
        var gate = new SignalGate([AttackClass.Benign, AttackClass.PortScan]);
        float[] probabilities = [0.3f, 0.7f];
        var traits = Traits(false, 443, 1) with { SourceFailuresKnown = known, SourceFailedConnections = sourceFailures };

        // Act
        var gated = gate.Apply(probabilities, Window(rows: 1, bytes: false), 1, traits);

        // Assert
        Assert.Equal(expectedScan, probabilities[1]);
        Assert.Equal(expectedScan == 0f, gated);
        Assert.Equal(1f, probabilities[0] + probabilities[1], 5);
    }

    internal static WindowTraits Traits(bool external, ushort port, long pairConnections = 5) => new(external, port, pairConnections, null, 0f);

    private static float[] Window(int rows, bool bytes, float[]? gaps = null)
    {
        var window = new float[WindowShape.Cells];
        for (var row = WindowShape.Rows - rows; row < WindowShape.Rows; row++)
        {
            var cells = window.AsSpan(row * WindowShape.Features, WindowShape.Features);
            cells[(int)WindowFeature.BytesSent] = bytes ? 1_000 : float.NaN;
            cells[(int)WindowFeature.BytesReceived] = bytes ? 100 : float.NaN;
            cells[(int)WindowFeature.Duration] = 30;
            if (gaps is not null)
            {
                cells[(int)WindowFeature.InterArrival] = gaps[row - (WindowShape.Rows - rows)];
            }
        }

        return window;
    }
}
