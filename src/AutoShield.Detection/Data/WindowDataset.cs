using AutoShield.Core.Windows;
using AutoShield.Detection.Runtime;
using AutoShield.Detection.Training;

namespace AutoShield.Detection.Data;

/// <summary>
/// Every window a set of sources produced, one per assembled connection (a young pair's padded windows included),
/// with what evaluation needs beside the 20 × 12 matrix: the original label of the newest connection, its mapped
/// class, its start time, the connection sequence it belongs to and its position there, and its source.
/// </summary>
/// <remarks>A sequence is one pair within one source, from its first connection on: windows of one sequence share rows.</remarks>
public sealed class WindowDataset
{
    internal WindowDataset(
        float[] windows, string?[] labels, long[] times, int[] sequences, int[] positions, int[] rowCounts, int[] sources,
        IReadOnlyList<DataSource> sourceList, IReadOnlyList<string> sequenceNames, WindowTraits[]? traits = null)
    {
        Traits = traits;
        Windows = windows;
        Labels = labels;
        Classes = [.. labels.Select(LabelMap.ToClass)];
        TimeUnixNanos = times;
        Sequences = sequences;
        Positions = positions;
        RowCounts = rowCounts;
        SourceIndex = sources;
        Sources = sourceList;
        SequenceNames = sequenceNames;
    }

    public int Count => Labels.Length;

    /// <summary>Per window, what the runtime rules read beside the matrix (null for hand-built datasets: model only).</summary>
    public WindowTraits[]? Traits { get; }

    /// <summary>N × 240 raw floats, row-major, NaN where the source has no value.</summary>
    public float[] Windows { get; }

    /// <summary>The newest connection's ground-truth label as the source spelled it, or null.</summary>
    public string?[] Labels { get; }

    /// <summary>The label mapped through <see cref="LabelMap"/>, or null when unmapped.</summary>
    public string?[] Classes { get; }

    /// <summary>Start of the newest connection, Unix nanoseconds.</summary>
    public long[] TimeUnixNanos { get; }

    /// <summary>Index of the window's connection sequence (pair within source).</summary>
    public int[] Sequences { get; }

    /// <summary>0 for a sequence's first window; windows less than 20 apart share connections.</summary>
    public int[] Positions { get; }

    /// <summary>Rows holding real connections (20 once the pair has seen 20).</summary>
    public int[] RowCounts { get; }

    public int[] SourceIndex { get; }

    public IReadOnlyList<DataSource> Sources { get; }

    /// <summary>"source: pair" per sequence, for reports.</summary>
    public IReadOnlyList<string> SequenceNames { get; }

    public ReadOnlySpan<float> Window(int index) => Windows.AsSpan(index * WindowShape.Cells, WindowShape.Cells);

    /// <summary>The raw windows of <paramref name="indices"/>, concatenated.</summary>
    public float[] Gather(IReadOnlyList<int> indices)
    {
        var result = new float[indices.Count * WindowShape.Cells];
        for (var i = 0; i < indices.Count; i++)
        {
            Window(indices[i]).CopyTo(result.AsSpan(i * WindowShape.Cells));
        }

        return result;
    }

    /// <summary>
    /// Training data from the windows of <paramref name="indices"/> whose class is mapped, with the classes present
    /// ordered as <see cref="Core.Detections.AttackClass.Known"/> orders them (benign first).
    /// </summary>
    public TrainingData ToTrainingData(IReadOnlyList<int> indices)
    {
        var kept = indices.Where(i => Classes[i] is not null).ToArray();
        var present = kept.Select(i => Classes[i]!).ToHashSet(StringComparer.Ordinal);
        var names = Core.Detections.AttackClass.Known.Where(present.Contains).ToList();
        var index = names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        return new TrainingData(Gather(kept), [.. kept.Select(i => index[Classes[i]!])], names);
    }

    /// <summary>The same windows with <paramref name="label"/> for every window whose source had no label (real captures known to be benign, say).</summary>
    public WindowDataset WithMissingLabels(string label) => new(
        Windows, [.. Labels.Select(l => l ?? label)], TimeUnixNanos, Sequences, Positions, RowCounts, SourceIndex, Sources, SequenceNames, Traits);

    /// <summary>Indices 0..Count-1.</summary>
    public int[] All() => [.. Enumerable.Range(0, Count)];
}
