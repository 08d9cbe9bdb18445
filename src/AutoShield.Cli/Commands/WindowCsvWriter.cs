using System.Globalization;
using AutoShield.Core.Flows;
using AutoShield.Core.Windows;
using AutoShield.Ingestion.Pipeline;
using AutoShield.Ingestion.Windows;

namespace AutoShield.Cli.Commands;

/// <summary>
/// Writes windows as CSV, one line per real row (padding rows left out): the window's number, its time, the pair,
/// the newest connection's label, the row number (1 = oldest held, 20 = newest) and the 12 features.
/// </summary>
public sealed class WindowCsvWriter(TextWriter writer, string? pairFilter, long limit) : IWindowObserver
{
    private readonly float[] _matrix = new float[WindowShape.Cells];

    public long Written { get; private set; }

    public static void WriteHeader(TextWriter writer) =>
        writer.WriteLine("window,time,source,destination,label,row," + string.Join(',', WindowShape.FeatureNames));

    public void OnWindow(in Connection connection, PairWindow window, FanOutView fanOut)
    {
        if (Written >= limit)
        {
            return;
        }

        var source = window.Key.Source.ToString();
        var destination = window.Key.Destination.ToString();
        if (pairFilter is not null
            && !source.Contains(pairFilter, StringComparison.OrdinalIgnoreCase)
            && !destination.Contains(pairFilter, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        Written++;
        window.CopyTo(_matrix);
        var time = DateTimeOffset.FromUnixTimeMilliseconds(connection.StartUnixNanos / 1_000_000).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var first = WindowShape.Rows - window.RowCount;
        for (var row = first; row < WindowShape.Rows; row++)
        {
            writer.Write(Written.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(time);
            writer.Write(',');
            writer.Write(Csv(source));
            writer.Write(',');
            writer.Write(Csv(destination));
            writer.Write(',');
            writer.Write(Csv(connection.Label ?? string.Empty));
            writer.Write(',');
            writer.Write((row - first + 1).ToString(CultureInfo.InvariantCulture));
            for (var f = 0; f < WindowShape.Features; f++)
            {
                writer.Write(',');
                var value = _matrix[(row * WindowShape.Features) + f];
                writer.Write(float.IsNaN(value) ? string.Empty : value.ToString("G6", CultureInfo.InvariantCulture));
            }

            writer.WriteLine();
        }
    }

    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
