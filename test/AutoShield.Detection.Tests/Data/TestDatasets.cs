using AutoShield.Core.Windows;
using AutoShield.Detection.Data;

namespace AutoShield.Detection.Tests.Data;

/// <summary>Hand-built window datasets: one window per entry, the window's cells all equal to its value.</summary>
internal static class TestDatasets
{
    public static WindowDataset Build(IReadOnlyList<(string? Label, long Time, int Sequence, int Position, float Value)> windows)
    {
        var cells = new float[windows.Count * WindowShape.Cells];
        for (var i = 0; i < windows.Count; i++)
        {
            cells.AsSpan(i * WindowShape.Cells, WindowShape.Cells).Fill(windows[i].Value);
        }

        var sequences = windows.Select(w => w.Sequence).ToArray();
        return new WindowDataset(
            cells, [.. windows.Select(w => w.Label)], [.. windows.Select(w => w.Time)], sequences, [.. windows.Select(w => w.Position)],
            [.. windows.Select(w => Math.Min(WindowShape.Rows, w.Position + 1))], new int[windows.Count], [DataSource.File("test.csv")],
            [.. Enumerable.Range(0, sequences.DefaultIfEmpty(0).Max() + 1).Select(s => $"pair {s}")]);
    }

    /// <summary>Windows labelled only, each in its own sequence, one second apart.</summary>
    public static WindowDataset Labelled(params string?[] labels) =>
        Build([.. labels.Select((label, i) => (label, i * 1_000_000_000L, i, 0, (float)i))]);
}
