using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AutoShield.Detection.Kernels;

/// <summary>
/// The one matrix kernel every layer uses: C += A·B with B and C contiguous along their rows (SIMD runs along
/// them) and A read element by element through arbitrary strides, so transposed or strided views of A cost nothing.
/// </summary>
internal static class Gemm
{
    /// <summary>
    /// <c>c[i*cRow + j] += Σp a[i*aRow + p*aCol] · b[p*bRow + j]</c> for <c>i &lt; m</c>, <c>j &lt; n</c>, <c>p &lt; k</c>.
    /// </summary>
    public static void MultiplyAdd(
        ReadOnlySpan<float> a, int aRow, int aCol, ReadOnlySpan<float> b, int bRow, Span<float> c, int cRow, int m, int k, int n)
    {
        if (m <= 0 || n <= 0 || k <= 0)
        {
            return;
        }

        // One bounds check up front; the loops below then run on refs without per-element checks.
        Require(a.Length, ((long)(m - 1) * aRow) + ((long)(k - 1) * aCol) + 1, nameof(a));
        Require(b.Length, ((long)(k - 1) * bRow) + n, nameof(b));
        Require(c.Length, ((long)(m - 1) * cRow) + n, nameof(c));

        ref var a0 = ref MemoryMarshal.GetReference(a);
        ref var b0 = ref MemoryMarshal.GetReference(b);
        ref var c0 = ref MemoryMarshal.GetReference(c);
        var i = 0;
        for (; i + 2 <= m; i += 2)
        {
            TwoRows(ref Unsafe.Add(ref a0, (nint)i * aRow), aRow, aCol, ref b0, bRow, ref Unsafe.Add(ref c0, (nint)i * cRow), cRow, k, n);
        }

        if (i < m)
        {
            OneRow(ref Unsafe.Add(ref a0, (nint)i * aRow), aCol, ref b0, bRow, ref Unsafe.Add(ref c0, (nint)i * cRow), k, n);
        }
    }

    private static void Require(int length, long needed, string name)
    {
        if (length < needed)
        {
            throw new ArgumentException($"span holds {length} elements, the product needs {needed}", name);
        }
    }

    // Two rows of C at once share every load of B: 8 accumulators, 4 loads and 8 FMAs per step of p.
    private static void TwoRows(ref float a0, nint aRow, nint aCol, ref float b, nint bRow, ref float c0, nint cRow, int k, int n)
    {
        ref var a1 = ref Unsafe.Add(ref a0, aRow);
        ref var c1 = ref Unsafe.Add(ref c0, cRow);
        var w = Vector<float>.Count;
        var j = 0;
        for (; j + (4 * w) <= n; j += 4 * w)
        {
            var x0 = Vector.LoadUnsafe(ref c0, (nuint)j);
            var x1 = Vector.LoadUnsafe(ref c0, (nuint)(j + w));
            var x2 = Vector.LoadUnsafe(ref c0, (nuint)(j + (2 * w)));
            var x3 = Vector.LoadUnsafe(ref c0, (nuint)(j + (3 * w)));
            var y0 = Vector.LoadUnsafe(ref c1, (nuint)j);
            var y1 = Vector.LoadUnsafe(ref c1, (nuint)(j + w));
            var y2 = Vector.LoadUnsafe(ref c1, (nuint)(j + (2 * w)));
            var y3 = Vector.LoadUnsafe(ref c1, (nuint)(j + (3 * w)));
            ref var bj = ref Unsafe.Add(ref b, j);
            nint ap = 0;
            nint bp = 0;
            for (var p = 0; p < k; p++, ap += aCol, bp += bRow)
            {
                var s = new Vector<float>(Unsafe.Add(ref a0, ap));
                var t = new Vector<float>(Unsafe.Add(ref a1, ap));
                ref var row = ref Unsafe.Add(ref bj, bp);
                var v0 = Vector.LoadUnsafe(ref row);
                var v1 = Vector.LoadUnsafe(ref row, (nuint)w);
                var v2 = Vector.LoadUnsafe(ref row, (nuint)(2 * w));
                var v3 = Vector.LoadUnsafe(ref row, (nuint)(3 * w));
                x0 = Vector.FusedMultiplyAdd(s, v0, x0);
                x1 = Vector.FusedMultiplyAdd(s, v1, x1);
                x2 = Vector.FusedMultiplyAdd(s, v2, x2);
                x3 = Vector.FusedMultiplyAdd(s, v3, x3);
                y0 = Vector.FusedMultiplyAdd(t, v0, y0);
                y1 = Vector.FusedMultiplyAdd(t, v1, y1);
                y2 = Vector.FusedMultiplyAdd(t, v2, y2);
                y3 = Vector.FusedMultiplyAdd(t, v3, y3);
            }

            x0.StoreUnsafe(ref c0, (nuint)j);
            x1.StoreUnsafe(ref c0, (nuint)(j + w));
            x2.StoreUnsafe(ref c0, (nuint)(j + (2 * w)));
            x3.StoreUnsafe(ref c0, (nuint)(j + (3 * w)));
            y0.StoreUnsafe(ref c1, (nuint)j);
            y1.StoreUnsafe(ref c1, (nuint)(j + w));
            y2.StoreUnsafe(ref c1, (nuint)(j + (2 * w)));
            y3.StoreUnsafe(ref c1, (nuint)(j + (3 * w)));
        }

        for (; j + w <= n; j += w)
        {
            var x0 = Vector.LoadUnsafe(ref c0, (nuint)j);
            var y0 = Vector.LoadUnsafe(ref c1, (nuint)j);
            ref var bj = ref Unsafe.Add(ref b, j);
            nint ap = 0;
            nint bp = 0;
            for (var p = 0; p < k; p++, ap += aCol, bp += bRow)
            {
                var v0 = Vector.LoadUnsafe(ref Unsafe.Add(ref bj, bp));
                x0 = Vector.FusedMultiplyAdd(new Vector<float>(Unsafe.Add(ref a0, ap)), v0, x0);
                y0 = Vector.FusedMultiplyAdd(new Vector<float>(Unsafe.Add(ref a1, ap)), v0, y0);
            }

            x0.StoreUnsafe(ref c0, (nuint)j);
            y0.StoreUnsafe(ref c1, (nuint)j);
        }

        if (j < n)
        {
            ScalarTail(ref a0, aCol, ref b, bRow, ref c0, k, j, n);
            ScalarTail(ref a1, aCol, ref b, bRow, ref c1, k, j, n);
        }
    }

    // One row (a vector-matrix product, the LSTM's per-step recurrence at batch 1) is bound by FMA latency, so
    // wide rows get 8 independent accumulators to keep both FMA pipes busy.
    private static void OneRow(ref float a0, nint aCol, ref float b, nint bRow, ref float c0, int k, int n)
    {
        var w = Vector<float>.Count;
        var j = 0;
        for (; j + (8 * w) <= n; j += 8 * w)
        {
            ref var cj = ref Unsafe.Add(ref c0, j);
            var x0 = Vector.LoadUnsafe(ref cj);
            var x1 = Vector.LoadUnsafe(ref cj, (nuint)w);
            var x2 = Vector.LoadUnsafe(ref cj, (nuint)(2 * w));
            var x3 = Vector.LoadUnsafe(ref cj, (nuint)(3 * w));
            var x4 = Vector.LoadUnsafe(ref cj, (nuint)(4 * w));
            var x5 = Vector.LoadUnsafe(ref cj, (nuint)(5 * w));
            var x6 = Vector.LoadUnsafe(ref cj, (nuint)(6 * w));
            var x7 = Vector.LoadUnsafe(ref cj, (nuint)(7 * w));
            ref var bj = ref Unsafe.Add(ref b, j);
            nint ap = 0;
            nint bp = 0;
            for (var p = 0; p < k; p++, ap += aCol, bp += bRow)
            {
                var s = new Vector<float>(Unsafe.Add(ref a0, ap));
                ref var row = ref Unsafe.Add(ref bj, bp);
                x0 = Vector.FusedMultiplyAdd(s, Vector.LoadUnsafe(ref row), x0);
                x1 = Vector.FusedMultiplyAdd(s, Vector.LoadUnsafe(ref row, (nuint)w), x1);
                x2 = Vector.FusedMultiplyAdd(s, Vector.LoadUnsafe(ref row, (nuint)(2 * w)), x2);
                x3 = Vector.FusedMultiplyAdd(s, Vector.LoadUnsafe(ref row, (nuint)(3 * w)), x3);
                x4 = Vector.FusedMultiplyAdd(s, Vector.LoadUnsafe(ref row, (nuint)(4 * w)), x4);
                x5 = Vector.FusedMultiplyAdd(s, Vector.LoadUnsafe(ref row, (nuint)(5 * w)), x5);
                x6 = Vector.FusedMultiplyAdd(s, Vector.LoadUnsafe(ref row, (nuint)(6 * w)), x6);
                x7 = Vector.FusedMultiplyAdd(s, Vector.LoadUnsafe(ref row, (nuint)(7 * w)), x7);
            }

            x0.StoreUnsafe(ref cj);
            x1.StoreUnsafe(ref cj, (nuint)w);
            x2.StoreUnsafe(ref cj, (nuint)(2 * w));
            x3.StoreUnsafe(ref cj, (nuint)(3 * w));
            x4.StoreUnsafe(ref cj, (nuint)(4 * w));
            x5.StoreUnsafe(ref cj, (nuint)(5 * w));
            x6.StoreUnsafe(ref cj, (nuint)(6 * w));
            x7.StoreUnsafe(ref cj, (nuint)(7 * w));
        }

        for (; j + (4 * w) <= n; j += 4 * w)
        {
            var x0 = Vector.LoadUnsafe(ref c0, (nuint)j);
            var x1 = Vector.LoadUnsafe(ref c0, (nuint)(j + w));
            var x2 = Vector.LoadUnsafe(ref c0, (nuint)(j + (2 * w)));
            var x3 = Vector.LoadUnsafe(ref c0, (nuint)(j + (3 * w)));
            ref var bj = ref Unsafe.Add(ref b, j);
            nint ap = 0;
            nint bp = 0;
            for (var p = 0; p < k; p++, ap += aCol, bp += bRow)
            {
                var s = new Vector<float>(Unsafe.Add(ref a0, ap));
                ref var row = ref Unsafe.Add(ref bj, bp);
                x0 = Vector.FusedMultiplyAdd(s, Vector.LoadUnsafe(ref row), x0);
                x1 = Vector.FusedMultiplyAdd(s, Vector.LoadUnsafe(ref row, (nuint)w), x1);
                x2 = Vector.FusedMultiplyAdd(s, Vector.LoadUnsafe(ref row, (nuint)(2 * w)), x2);
                x3 = Vector.FusedMultiplyAdd(s, Vector.LoadUnsafe(ref row, (nuint)(3 * w)), x3);
            }

            x0.StoreUnsafe(ref c0, (nuint)j);
            x1.StoreUnsafe(ref c0, (nuint)(j + w));
            x2.StoreUnsafe(ref c0, (nuint)(j + (2 * w)));
            x3.StoreUnsafe(ref c0, (nuint)(j + (3 * w)));
        }

        for (; j + w <= n; j += w)
        {
            var x0 = Vector.LoadUnsafe(ref c0, (nuint)j);
            ref var bj = ref Unsafe.Add(ref b, j);
            nint ap = 0;
            nint bp = 0;
            for (var p = 0; p < k; p++, ap += aCol, bp += bRow)
            {
                x0 = Vector.FusedMultiplyAdd(new Vector<float>(Unsafe.Add(ref a0, ap)), Vector.LoadUnsafe(ref Unsafe.Add(ref bj, bp)), x0);
            }

            x0.StoreUnsafe(ref c0, (nuint)j);
        }

        if (j < n)
        {
            ScalarTail(ref a0, aCol, ref b, bRow, ref c0, k, j, n);
        }
    }

    private static void ScalarTail(ref float a0, nint aCol, ref float b, nint bRow, ref float c0, int k, int from, int n)
    {
        for (var j = from; j < n; j++)
        {
            var sum = Unsafe.Add(ref c0, j);
            nint ap = 0;
            nint bp = j;
            for (var p = 0; p < k; p++, ap += aCol, bp += bRow)
            {
                sum = MathF.FusedMultiplyAdd(Unsafe.Add(ref a0, ap), Unsafe.Add(ref b, bp), sum);
            }

            Unsafe.Add(ref c0, j) = sum;
        }
    }
}
