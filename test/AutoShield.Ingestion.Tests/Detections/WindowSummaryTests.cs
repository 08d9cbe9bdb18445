using AutoShield.Core.Detections;
using AutoShield.Core.Windows;

namespace AutoShield.Ingestion.Tests.Detections;

public sealed class WindowSummaryTests
{
    [Fact]
    public void Summarize_TwoRealRows_TotalsMeansAndNewest()
    {
        var matrix = new float[WindowShape.Cells];
        Row(matrix, 18, rate: 1, sent: 100, syn: 1, duration: 2, failed: 0, ports: 1);
        Row(matrix, 19, rate: 3, sent: 300, syn: 1, duration: 4, failed: 0.5f, ports: 2);

        var summary = WindowSummary.Summarize(matrix, rowCount: 2);

        Assert.Equal(2, summary[WindowSummary.WindowRows]);
        Assert.Equal(3, summary["connection_rate"]);
        Assert.Equal(400, summary["bytes_sent"]);
        Assert.Equal(2, summary["syn_count"]);
        Assert.Equal(3, summary["duration"]);
        Assert.Equal(0.5, summary["failed_conn_ratio"]);
        Assert.Equal(2, summary["unique_dst_ports"]);
    }

    [Fact]
    public void Summarize_AnyRowWithoutBytes_LeavesBytesOut()
    {
        var matrix = new float[WindowShape.Cells];
        Row(matrix, 18, rate: 1, sent: 100, syn: 1, duration: 2, failed: 0, ports: 1);
        Row(matrix, 19, rate: 1, sent: float.NaN, syn: 1, duration: 2, failed: 0, ports: 1);

        var summary = WindowSummary.Summarize(matrix, rowCount: 2);

        Assert.False(summary.ContainsKey("bytes_sent"));
        Assert.Equal(2, summary["syn_count"]);
    }

    [Fact]
    public void Summarize_WrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => WindowSummary.Summarize(new float[12], 1));
    }

    private static void Row(float[] matrix, int row, float rate, float sent, float syn, float duration, float failed, float ports)
    {
        var cells = matrix.AsSpan(row * WindowShape.Features, WindowShape.Features);
        cells[(int)WindowFeature.ConnectionRate] = rate;
        cells[(int)WindowFeature.BytesSent] = sent;
        cells[(int)WindowFeature.BytesReceived] = 0;
        cells[(int)WindowFeature.SynCount] = syn;
        cells[(int)WindowFeature.Duration] = duration;
        cells[(int)WindowFeature.FailedRatio] = failed;
        cells[(int)WindowFeature.DistinctPorts] = ports;
    }
}
