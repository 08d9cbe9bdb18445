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

    internal static WindowTraits Traits(bool external, ushort port, long pairConnections = 5) => new(external, port, pairConnections, null, 0f);

    private static float[] Window(int rows, bool bytes)
    {
        var window = new float[WindowShape.Cells];
        for (var row = WindowShape.Rows - rows; row < WindowShape.Rows; row++)
        {
            var cells = window.AsSpan(row * WindowShape.Features, WindowShape.Features);
            cells[(int)WindowFeature.BytesSent] = bytes ? 1_000 : float.NaN;
            cells[(int)WindowFeature.BytesReceived] = bytes ? 100 : float.NaN;
            cells[(int)WindowFeature.Duration] = 30;
        }

        return window;
    }
}
