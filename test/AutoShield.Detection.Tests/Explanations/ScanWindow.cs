using AutoShield.Core.Windows;

namespace AutoShield.Detection.Tests.Explanations;

/// <summary>Hand-made windows whose numbers a sentence must quote.</summary>
internal static class ScanWindow
{
    /// <summary>
    /// A young pair's <paramref name="rows"/> probes, 0.1 s apart: one SYN and one RST each, every one failed, one new
    /// port per probe, no byte counts.
    /// </summary>
    public static float[] Create(int rows)
    {
        var window = new float[WindowShape.Cells];
        for (var i = 0; i < rows; i++)
        {
            var row = window.AsSpan((WindowShape.Rows - rows + i) * WindowShape.Features, WindowShape.Features);
            row[(int)WindowFeature.ConnectionRate] = 5 + i;
            row[(int)WindowFeature.BytesSent] = float.NaN;
            row[(int)WindowFeature.BytesReceived] = float.NaN;
            row[(int)WindowFeature.SynCount] = 1;
            row[(int)WindowFeature.RstCount] = 1;
            row[(int)WindowFeature.Duration] = 0.002f;
            row[(int)WindowFeature.InterArrival] = i == 0 ? 0 : 0.1f;
            row[(int)WindowFeature.FailedRatio] = 1;
            row[(int)WindowFeature.DistinctPorts] = i + 1;
        }

        return window;
    }
}
