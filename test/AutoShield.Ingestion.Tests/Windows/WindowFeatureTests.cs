using AutoShield.Core.Flows;
using AutoShield.Core.Windows;
using AutoShield.Ingestion.Windows;
using static AutoShield.Ingestion.Tests.Windows.SomeConnection;

namespace AutoShield.Ingestion.Tests.Windows;

/// <summary>One test per window feature, each pinning values computed by hand.</summary>
public sealed class WindowFeatureTests
{
    private const float Tolerance = 1e-5f;
    private readonly WindowStore _store = new();

    [Fact]
    public void ConnectionRate_DecaysWithOneSecondTimeConstant()
    {
        var rates = Feature(WindowFeature.ConnectionRate, Tcp(0), Tcp(0.5), Tcp(2.0));

        // 1; 1·e^-0.5 + 1; (1 + e^-0.5)·e^-1.5 + 1
        Assert.Equal(1f, rates[0], Tolerance);
        Assert.Equal(1.6065307f, rates[1], Tolerance);
        Assert.Equal(1.3584668f, rates[2], Tolerance);
    }

    [Fact]
    public void ConnectionRate_SteadyTenPerSecond_ApproximatesTenConnectionsInTheLastSecond()
    {
        var connections = Enumerable.Range(0, 100).Select(i => Tcp(i * 0.1)).ToArray();

        var rate = Feature(WindowFeature.ConnectionRate, connections)[^1];

        Assert.InRange(rate, 10f, 11f);
    }

    [Fact]
    public void BytesSent_IsTheInitiatorsBytesOrNaNWhenMissing()
    {
        var withBytes = Tcp(0);
        withBytes.BytesSent = 1_234;
        withBytes.BytesReceived = 0;

        var values = Feature(WindowFeature.BytesSent, withBytes, Tcp(1));

        Assert.Equal(1_234f, values[0]);
        Assert.True(float.IsNaN(values[1]));
    }

    [Fact]
    public void BytesReceived_IsTheRespondersBytesOrNaNWhenMissing()
    {
        var withBytes = Tcp(0);
        withBytes.BytesSent = 10;
        withBytes.BytesReceived = 0;
        var large = Tcp(1);
        large.BytesSent = 10;
        large.BytesReceived = 5_000_000_000;

        var values = Feature(WindowFeature.BytesReceived, withBytes, large, Tcp(2));

        Assert.Equal(0f, values[0]);
        Assert.Equal(5e9f, values[1]);
        Assert.True(float.IsNaN(values[2]));
    }

    [Fact]
    public void SynCount_IsTheConnectionsCount()
    {
        Assert.Equal([2f, 1f], Feature(WindowFeature.SynCount, Tcp(0), Refused(1)));
    }

    [Fact]
    public void AckCount_IsTheConnectionsCount()
    {
        Assert.Equal([5f, 1f], Feature(WindowFeature.AckCount, Tcp(0), Refused(1)));
    }

    [Fact]
    public void RstCount_IsTheConnectionsCount()
    {
        Assert.Equal([0f, 1f], Feature(WindowFeature.RstCount, Tcp(0), Refused(1)));
    }

    [Fact]
    public void FinCount_IsTheConnectionsCount()
    {
        Assert.Equal([2f, 0f], Feature(WindowFeature.FinCount, Tcp(0), Refused(1)));
    }

    [Fact]
    public void Duration_IsSecondsFromStartToEnd()
    {
        var values = Feature(WindowFeature.Duration, Tcp(0, durationSeconds: 2.5), Tcp(3, durationSeconds: 0.004));

        Assert.Equal(2.5f, values[0], Tolerance);
        Assert.Equal(0.004f, values[1], Tolerance);
    }

    [Fact]
    public void InterArrival_IsSecondsSincePreviousStartOfThePair()
    {
        Assert.Equal([0f, 0.5f, 1.5f], Feature(WindowFeature.InterArrival, Tcp(0), Tcp(0.5), Tcp(2.0)));
    }

    [Fact]
    public void InterArrival_ConnectionStartingBeforeThePrevious_UsesZeroGap()
    {
        var window = _store.Update(Tcp(10));
        window = _store.Update(Tcp(4));
        Assert.Equal(0f, window.Latest(WindowFeature.InterArrival));
        Assert.Equal(2f, window.Latest(WindowFeature.ConnectionRate), Tolerance);

        // The next gap is measured from the latest start (10 s), not the late one.
        window = _store.Update(Tcp(11));
        Assert.Equal(1f, window.Latest(WindowFeature.InterArrival));
        Assert.Equal((2f * MathF.Exp(-1f)) + 1f, window.Latest(WindowFeature.ConnectionRate), Tolerance);
        Assert.Equal(0.5f, window.Latest(WindowFeature.InterArrivalSpread), Tolerance);
    }

    [Fact]
    public void InterArrivalSpread_IsPopulationStdOfTheGapsSoFar()
    {
        var spread = Feature(WindowFeature.InterArrivalSpread, Tcp(0), Tcp(0.5), Tcp(2.0), Tcp(2.1));

        // gaps {0.5, 1.5}: std 0.5; gaps {0.5, 1.5, 0.1}: mean 0.7, variance 0.34667
        Assert.Equal(0f, spread[0]);
        Assert.Equal(0f, spread[1]);
        Assert.Equal(0.5f, spread[2], Tolerance);
        Assert.Equal(0.5887841f, spread[3], Tolerance);
    }

    [Fact]
    public void FailedRatio_IsFailedShareOfConnectionsSoFar()
    {
        var values = Feature(WindowFeature.FailedRatio, Refused(0), Tcp(1), Refused(2));

        Assert.Equal(1f, values[0]);
        Assert.Equal(0.5f, values[1]);
        Assert.Equal(2f / 3f, values[2], Tolerance);
    }

    [Fact]
    public void DistinctPorts_CountsDestinationPortsSoFar()
    {
        var values = Feature(WindowFeature.DistinctPorts, Tcp(0, port: 80), Tcp(1, port: 443), Tcp(2, port: 80), Tcp(3, port: 22));

        Assert.Equal([1f, 2f, 2f, 3f], values);
    }

    [Fact]
    public void DistinctPorts_BeyondSixtyFourPorts_EstimatesWithinFivePercent()
    {
        PairWindow? window = null;
        for (var port = 1; port <= 64; port++)
        {
            window = _store.Update(Refused(port * 0.001, (ushort)port));
        }

        Assert.Equal(64, window!.DistinctPorts);
        Assert.True(window.DistinctPortsExact);

        for (var port = 65; port <= 1_000; port++)
        {
            window = _store.Update(Refused(port * 0.001, (ushort)port));
        }

        Assert.False(window.DistinctPortsExact);
        Assert.InRange(window.DistinctPorts, 950, 1_050);
        Assert.Equal(window.DistinctPorts, window.Latest(WindowFeature.DistinctPorts));
    }

    private float[] Feature(WindowFeature feature, params Connection[] connections)
    {
        var values = new float[connections.Length];
        for (var i = 0; i < connections.Length; i++)
        {
            values[i] = _store.Update(connections[i]).Latest(feature);
        }

        return values;
    }
}
