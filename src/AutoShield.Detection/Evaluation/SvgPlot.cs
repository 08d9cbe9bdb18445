using System.Globalization;
using System.Net;
using System.Text;

namespace AutoShield.Detection.Evaluation;

/// <summary>Inline SVG charts for the HTML report: a heatmap, line charts on the unit square and a bar histogram.</summary>
internal static class SvgPlot
{
    private const int Width = 420;
    private const int Height = 320;
    private const int Left = 56;
    private const int Right = 16;
    private const int Top = 28;
    private const int Bottom = 48;

    public static string Heatmap(string title, ConfusionMatrix matrix)
    {
        const int cell = 46;
        const int labelWidth = 150;
        var width = labelWidth + (cell * matrix.Predicted.Count) + 20;
        var height = 150 + (cell * matrix.Truth.Count);
        var svg = Begin(width, height, title);
        for (var c = 0; c < matrix.Predicted.Count; c++)
        {
            var x = labelWidth + (c * cell) + (cell / 2);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"128\" font-size=\"10\" transform=\"rotate(-45 {x} 128)\">{Encode(matrix.Predicted[c])}</text>");
        }

        for (var r = 0; r < matrix.Truth.Count; r++)
        {
            var row = matrix.Counts[r];
            var total = Math.Max(1, row.Sum());
            var y = 136 + (r * cell);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 6}\" y=\"{y + (cell / 2) + 4}\" font-size=\"11\" text-anchor=\"end\">{Encode(matrix.Truth[r])}</text>");
            for (var c = 0; c < row.Count; c++)
            {
                var share = (double)row[c] / total;
                var light = (int)Math.Round(255 - (share * 200));
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{labelWidth + (c * cell)}\" y=\"{y}\" width=\"{cell - 2}\" height=\"{cell - 2}\" fill=\"rgb({light},{light},255)\"><title>{Encode(matrix.Truth[r])} → {Encode(matrix.Predicted[c])}: {row[c]}</title></rect>");
                svg.Append(CultureInfo.InvariantCulture,
                    $"<text x=\"{labelWidth + (c * cell) + (cell / 2) - 1}\" y=\"{y + (cell / 2) + 4}\" font-size=\"10\" text-anchor=\"middle\">{row[c]}</text>");
            }
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"8\" y=\"{height - 6}\" font-size=\"10\">rows: truth; columns: predicted; shade: share of the row</text>");
        return End(svg);
    }

    public static string Lines(string title, string xLabel, string yLabel, IReadOnlyList<(string Name, IReadOnlyList<CurvePoint> Points, string Color)> series)
    {
        var svg = Begin(Width, Height, title);
        Axes(svg, xLabel, yLabel);
        var legendY = Top + 14;
        foreach (var (name, points, color) in series)
        {
            if (points.Count == 0)
            {
                continue;
            }

            svg.Append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").Append(color).Append("\" points=\"");
            foreach (var point in points)
            {
                svg.Append(CultureInfo.InvariantCulture, $"{X(point.X):0.#},{Y(point.Y):0.#} ");
            }

            svg.Append("\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Width - 150}\" y=\"{legendY - 9}\" width=\"10\" height=\"10\" fill=\"{color}\"/><text x=\"{Width - 136}\" y=\"{legendY}\" font-size=\"11\">{Encode(name)}</text>");
            legendY += 16;
        }

        return End(svg);
    }

    public static string Histogram(string title, LatencyHistogram histogram)
    {
        var svg = Begin(Width, Height, title);
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var bins = histogram.Counts.Count;
        var max = Math.Max(1, histogram.Counts.Max());
        var barWidth = (double)plotWidth / bins;
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top + plotHeight}\" x2=\"{Left + plotWidth}\" y2=\"{Top + plotHeight}\" stroke=\"#333\"/>");
        for (var b = 0; b < bins; b++)
        {
            var h = (double)histogram.Counts[b] / max * plotHeight;
            var x = Left + (b * barWidth);
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{x + 1:0.#}\" y=\"{Top + plotHeight - h:0.#}\" width=\"{barWidth - 2:0.#}\" height=\"{h:0.#}\" fill=\"#4a7bd0\"><title>{histogram.Counts[b]} windows</title></rect>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{x + (barWidth / 2):0.#}\" y=\"{Top + plotHeight + 14}\" font-size=\"9\" text-anchor=\"middle\">{histogram.LowerEdgesMicros[b]:0}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + (plotWidth / 2)}\" y=\"{Height - 12}\" font-size=\"11\" text-anchor=\"middle\">µs per window (bin lower edge)</text>");
        return End(svg);
    }

    private static void Axes(StringBuilder svg, string xLabel, string yLabel)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{Width - Left - Right}\" height=\"{Height - Top - Bottom}\" fill=\"none\" stroke=\"#333\"/>");
        foreach (var tick in new[] { 0.0, 0.25, 0.5, 0.75, 1.0 })
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(tick):0.#}\" y=\"{Height - Bottom + 14}\" font-size=\"10\" text-anchor=\"middle\">{tick:0.##}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{Y(tick) + 4:0.#}\" font-size=\"10\" text-anchor=\"end\">{tick:0.##}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(Left + Width - Right) / 2}\" y=\"{Height - 12}\" font-size=\"11\" text-anchor=\"middle\">{Encode(xLabel)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"14\" y=\"{(Top + Height - Bottom) / 2}\" font-size=\"11\" text-anchor=\"middle\" transform=\"rotate(-90 14 {(Top + Height - Bottom) / 2})\">{Encode(yLabel)}</text>");
    }

    private static double X(double value) => Left + (Math.Clamp(value, 0, 1) * (Width - Left - Right));

    private static double Y(double value) => Top + ((1 - Math.Clamp(value, 0, 1)) * (Height - Top - Bottom));

    private static StringBuilder Begin(int width, int height, string title) => new StringBuilder()
        .Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{Encode(title)}\">")
        .Append(CultureInfo.InvariantCulture, $"<text x=\"8\" y=\"18\" font-size=\"13\" font-weight=\"bold\">{Encode(title)}</text>");

    private static string End(StringBuilder svg) => svg.Append("</svg>").ToString();

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
