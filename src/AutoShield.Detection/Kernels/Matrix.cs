using System.Numerics.Tensors;

namespace AutoShield.Detection.Kernels;

/// <summary>Small row-major helpers around <see cref="Gemm"/>: transposes, bias broadcasts and column sums.</summary>
internal static class Matrix
{
    /// <summary>Writes the [cols, rows] transpose of the row-major [rows, cols] <paramref name="source"/>.</summary>
    public static void Transpose(ReadOnlySpan<float> source, int rows, int cols, Span<float> destination)
    {
        source = source[..(rows * cols)];
        destination = destination[..(rows * cols)];
        for (var r = 0; r < rows; r++)
        {
            var row = source.Slice(r * cols, cols);
            for (var c = 0; c < row.Length; c++)
            {
                destination[(c * rows) + r] = row[c];
            }
        }
    }

    /// <summary>Copies <paramref name="row"/> into each of the first <paramref name="rows"/> rows of <paramref name="destination"/>.</summary>
    public static void FillRows(ReadOnlySpan<float> row, Span<float> destination, int rows, int stride)
    {
        for (var r = 0; r < rows; r++)
        {
            row.CopyTo(destination.Slice(r * stride, row.Length));
        }
    }

    /// <summary>Adds every row of the [rows, width] <paramref name="source"/> (rows <paramref name="stride"/> apart) into <paramref name="sums"/>.</summary>
    public static void AddColumnSums(ReadOnlySpan<float> source, int rows, int stride, Span<float> sums)
    {
        for (var r = 0; r < rows; r++)
        {
            TensorPrimitives.Add(sums, source.Slice(r * stride, sums.Length), sums);
        }
    }
}
