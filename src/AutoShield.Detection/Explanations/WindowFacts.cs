using AutoShield.Core.Windows;
using AutoShield.Ingestion.Windows;

namespace AutoShield.Detection.Explanations;

/// <summary>
/// The numbers of one window that a sentence may quote, all read from the window itself: totals over its real rows,
/// the time its rows cover, the newest row's running values, and how many of its connections failed.
/// </summary>
public sealed record WindowFacts
{
    /// <summary>Real rows (connections) in the window.</summary>
    public int Rows { get; init; }

    /// <summary>Seconds from the first row's connection start to the newest's (the sum of the later rows' inter-arrival times).</summary>
    public double SpanSeconds { get; init; }

    public long Syns { get; init; }

    public long Acks { get; init; }

    public long Rsts { get; init; }

    public long Fins { get; init; }

    /// <summary>Bytes sent over the window; null when any row lacks byte counts (Hubble).</summary>
    public double? BytesSent { get; init; }

    public double? BytesReceived { get; init; }

    public double MeanDurationSeconds { get; init; }

    /// <summary>Mean seconds between connection starts inside the window; null with fewer than two rows.</summary>
    public double? MeanInterArrivalSeconds { get; init; }

    /// <summary>The pair's inter-arrival standard deviation so far (newest row).</summary>
    public double InterArrivalSpreadSeconds { get; init; }

    /// <summary>Connections per second at the newest row.</summary>
    public double Rate { get; init; }

    /// <summary>Share of the pair's connections so far that failed (newest row).</summary>
    public double FailedRatio { get; init; }

    /// <summary>Distinct destination ports of the pair so far (newest row).</summary>
    public int DistinctPorts { get; init; }

    /// <summary>Failed connections among the window's rows, when the running failed ratio pins it down; else null.</summary>
    public int? FailedInWindow { get; init; }

    /// <summary>Connections of the pair so far, when the caller knows (a live <see cref="PairWindow"/>).</summary>
    public long? PairConnections { get; init; }

    public long? PairFailed { get; init; }

    /// <summary>Destination port of the newest connection, when known.</summary>
    public int? DestinationPort { get; init; }

    /// <summary>Facts of a live window (valid only during the observer call that received it).</summary>
    public static WindowFacts From(PairWindow window) =>
        From(window.Matrix, window.RowCount, window.TotalConnections, window.FailedConnections, window.DestinationPort);

    /// <summary>Facts of a raw row-major window whose last <paramref name="rowCount"/> rows are real.</summary>
    public static WindowFacts From(ReadOnlySpan<float> matrix, int rowCount, long? pairConnections = null, long? pairFailed = null, int? destinationPort = null)
    {
        if (matrix.Length != WindowShape.Cells)
        {
            throw new ArgumentException($"a window has {WindowShape.Cells} cells, got {matrix.Length}", nameof(matrix));
        }

        rowCount = Math.Clamp(rowCount, 0, WindowShape.Rows);
        var first = WindowShape.Rows - rowCount;
        if (rowCount == 0)
        {
            return new WindowFacts { PairConnections = pairConnections, PairFailed = pairFailed, DestinationPort = destinationPort };
        }

        var newest = WindowShape.Rows - 1;
        var span = Total(matrix, WindowFeature.InterArrival, first + 1);
        var sent = Total(matrix, WindowFeature.BytesSent, first);
        var received = Total(matrix, WindowFeature.BytesReceived, first);
        return new WindowFacts
        {
            Rows = rowCount,
            SpanSeconds = span,
            Syns = (long)Math.Round(Total(matrix, WindowFeature.SynCount, first)),
            Acks = (long)Math.Round(Total(matrix, WindowFeature.AckCount, first)),
            Rsts = (long)Math.Round(Total(matrix, WindowFeature.RstCount, first)),
            Fins = (long)Math.Round(Total(matrix, WindowFeature.FinCount, first)),
            BytesSent = double.IsFinite(sent) ? sent : null,
            BytesReceived = double.IsFinite(received) ? received : null,
            MeanDurationSeconds = Total(matrix, WindowFeature.Duration, first) / rowCount,
            MeanInterArrivalSeconds = rowCount >= 2 ? span / (rowCount - 1) : null,
            InterArrivalSpreadSeconds = Cell(matrix, newest, WindowFeature.InterArrivalSpread),
            Rate = Cell(matrix, newest, WindowFeature.ConnectionRate),
            FailedRatio = Cell(matrix, newest, WindowFeature.FailedRatio),
            DistinctPorts = (int)Math.Round(Cell(matrix, newest, WindowFeature.DistinctPorts)),
            FailedInWindow = pairConnections is { } total ? CountFailed(matrix, rowCount, total) : null,
            PairConnections = pairConnections,
            PairFailed = pairFailed,
            DestinationPort = destinationPort,
        };
    }

    private static double Cell(ReadOnlySpan<float> matrix, int row, WindowFeature feature) => matrix[(row * WindowShape.Features) + (int)feature];

    private static double Total(ReadOnlySpan<float> matrix, WindowFeature feature, int from)
    {
        var total = 0d;
        for (var r = from; r < WindowShape.Rows; r++)
        {
            total += Cell(matrix, r, feature);
        }

        return total;
    }

    /// <summary>
    /// The failed ratio is cumulative, so row r's connection failed exactly when the pair's failed count grew there:
    /// failed(r) = ratio(r)·n(r) − ratio(r−1)·n(r−1), with n(r) the pair's connections up to row r. The first row
    /// is pinned down only when it is the pair's first connection or the running count is all or nothing.
    /// </summary>
    private static int? CountFailed(ReadOnlySpan<float> matrix, int rowCount, long total)
    {
        if (total < rowCount || total > 1_000_000)
        {
            // Beyond a million the float ratio no longer resolves single connections.
            return null;
        }

        var first = WindowShape.Rows - rowCount;
        var firstCount = total - rowCount + 1;
        var firstFailed = Cumulative(matrix, total, first);
        long before;
        if (firstCount == 1 || firstFailed == 0)
        {
            before = 0;
        }
        else if (firstFailed == firstCount)
        {
            before = firstCount - 1;
        }
        else
        {
            return null;
        }

        var failed = Cumulative(matrix, total, WindowShape.Rows - 1) - before;
        return failed >= 0 && failed <= rowCount ? (int)failed : null;
    }

    private static long Cumulative(ReadOnlySpan<float> matrix, long total, int row) =>
        (long)Math.Round(Cell(matrix, row, WindowFeature.FailedRatio) * (total - (WindowShape.Rows - 1 - row)));
}
