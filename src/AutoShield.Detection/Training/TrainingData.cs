using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using AutoShield.Core.Windows;

namespace AutoShield.Detection.Training;

/// <summary>
/// Labelled windows in memory: <see cref="Windows"/> holds N × 240 raw floats (each window 20 rows × 12 features,
/// row-major, NaN for missing values), <see cref="Labels"/> one index into <see cref="ClassNames"/> per window.
/// </summary>
public sealed record TrainingData(float[] Windows, int[] Labels, IReadOnlyList<string> ClassNames)
{
    public int Count => Labels.Length;

    /// <summary>
    /// Optional source group per window (0 = recorded files, 1 = simulator, …): with groups the anomaly threshold (and
    /// a calibrated attack threshold) covers every group's benign validation windows, and
    /// <see cref="ClassWeighting.SourceBalanced"/> balances the loss over them. Not part of the <see cref="Fingerprint"/>,
    /// which describes the windows and labels alone.
    /// </summary>
    public int[]? SourceGroups { get; init; }

    public ReadOnlySpan<float> Window(int index) => Windows.AsSpan(index * WindowShape.Cells, WindowShape.Cells);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first inconsistency.</summary>
    public void Validate()
    {
        if (ClassNames.Count < 2)
        {
            throw new ArgumentException($"training needs at least 2 classes, got {ClassNames.Count}");
        }

        if (ClassNames.Distinct(StringComparer.Ordinal).Count() != ClassNames.Count || ClassNames.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("class names must be distinct and non-empty");
        }

        if (Labels.Length == 0)
        {
            throw new ArgumentException("training needs at least one window");
        }

        if ((long)Labels.Length * WindowShape.Cells != Windows.Length)
        {
            throw new ArgumentException($"{Labels.Length} labels need {(long)Labels.Length * WindowShape.Cells} window floats, got {Windows.Length}");
        }

        for (var i = 0; i < Labels.Length; i++)
        {
            if ((uint)Labels[i] >= (uint)ClassNames.Count)
            {
                throw new ArgumentException($"label {Labels[i]} of window {i} is not a class index (0..{ClassNames.Count - 1})");
            }
        }

        if (SourceGroups is not null && (SourceGroups.Length != Labels.Length || SourceGroups.Any(g => g < 0)))
        {
            throw new ArgumentException($"{Labels.Length} windows need as many non-negative source groups, got {SourceGroups.Length}");
        }
    }

    /// <summary>
    /// SHA-256 (lower-case hex) of the class names, labels and window floats, each as little-endian bytes: the same
    /// data gives the same fingerprint on every machine.
    /// </summary>
    public string Fingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes("autoshield-training-data/1\n" + string.Join('\n', ClassNames) + "\n"));
        if (BitConverter.IsLittleEndian)
        {
            hash.AppendData(MemoryMarshal.AsBytes(Labels.AsSpan()));
            hash.AppendData(MemoryMarshal.AsBytes(Windows.AsSpan()));
        }
        else
        {
            var buffer = new byte[4];
            foreach (var label in Labels)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(buffer, label);
                hash.AppendData(buffer);
            }

            foreach (var value in Windows)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(buffer, value);
                hash.AppendData(buffer);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
