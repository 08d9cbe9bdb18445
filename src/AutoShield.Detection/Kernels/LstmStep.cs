using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AutoShield.Detection.Kernels;

/// <summary>
/// One LSTM time step for many sequences. For each slice of <see cref="Vector{T}.Count"/> hidden units, the four
/// gates of three sequences stay in registers from the bias through x·W_ih and h·W_hh (one pass over weights
/// packed slice by slice, no separate input projection or bias fill); then the cell update runs over the step's
/// gates while they are in L1.
/// </summary>
/// <remarks>
/// Each gate sums bias, then the input terms, then the recurrent terms with one FMA each in index order, and the
/// activations are <see cref="LstmCell.Forward"/>'s, so results equal <see cref="Gemm"/> followed by
/// <see cref="LstmCell"/> bit for bit.
/// </remarks>
internal static class LstmStep
{
    private static int Lanes => Vector<float>.Count;

    /// <summary>Whether the kernel handles a hidden size: whole vectors only.</summary>
    public static bool Supports(int size) => size > 0 && size % Lanes == 0;

    /// <summary>Floats of <see cref="Pack"/>'s output.</summary>
    public static int PackedSize(int inputs, int size) => (inputs + size) * 4 * size;

    /// <summary>
    /// Rearranges W_ih [inputs, 4·size] and W_hh [size, 4·size] (PyTorch's gate order i, f, g, o) so that each
    /// slice of units reads its weights front to back: [slice][row of W_ih then W_hh][gate][lane].
    /// </summary>
    public static void Pack(ReadOnlySpan<float> inputWeights, ReadOnlySpan<float> recurrentWeights, int inputs, int size, Span<float> packed)
    {
        RequireShape(inputs, size, 1);
        var gates = 4 * size;
        inputWeights = inputWeights[..(inputs * gates)];
        recurrentWeights = recurrentWeights[..(size * gates)];
        packed = packed[..PackedSize(inputs, size)];
        var o = 0;
        for (var j = 0; j < size; j += Lanes)
        {
            for (var p = 0; p < inputs + size; p++)
            {
                var row = p < inputs ? inputWeights.Slice(p * gates, gates) : recurrentWeights.Slice((p - inputs) * gates, gates);
                for (var g = 0; g < 4; g++, o += Lanes)
                {
                    row.Slice((g * size) + j, Lanes).CopyTo(packed[o..]);
                }
            }
        }
    }

    /// <summary>
    /// Updates <paramref name="cell"/> ([rows, size], in place) and writes <paramref name="hidden"/> ([rows, size])
    /// from <paramref name="input"/> ([rows, inputs]) and <paramref name="previousHidden"/> ([rows, size], another
    /// buffer than <paramref name="hidden"/>), with <see cref="Pack"/>ed weights and <paramref name="bias"/> =
    /// b_ih + b_hh; <paramref name="gates"/> ([rows, 4·size]) is scratch. On the <paramref name="first"/> step
    /// h₋₁ = c₋₁ = 0, and <paramref name="previousHidden"/> and the incoming cell are not read.
    /// </summary>
    public static void Forward(
        ReadOnlySpan<float> input, int inputs, ReadOnlySpan<float> previousHidden, ReadOnlySpan<float> packedWeights, ReadOnlySpan<float> bias,
        Span<float> gates, Span<float> cell, Span<float> hidden, int rows, int size, bool first)
    {
        RequireShape(inputs, size, rows);
        var width = 4 * size;
        if (input.Length < rows * inputs || packedWeights.Length < PackedSize(inputs, size) || bias.Length < width || gates.Length < rows * width
            || cell.Length < rows * size || hidden.Length < rows * size || (!first && previousHidden.Length < rows * size))
        {
            throw new ArgumentException("LSTM step buffers are shorter than rows, inputs and hidden size require.");
        }

        ref var x = ref MemoryMarshal.GetReference(input);
        ref var hp = ref MemoryMarshal.GetReference(previousHidden);
        ref var w = ref MemoryMarshal.GetReference(packedWeights);
        ref var b = ref MemoryMarshal.GetReference(bias);
        ref var a = ref MemoryMarshal.GetReference(gates);
        var shape = new Shape(inputs, size, first);
        var slice = (inputs + size) * 4 * Lanes;

        // Units outer, sequences inner: one slice of the packed weights stays in L1 for all rows. Row r's gates of
        // unit slice j land at [r][j][gate][lane].
        for (var j = 0; j < size; j += Lanes)
        {
            ref var wj = ref Unsafe.Add(ref w, (nint)(j / Lanes) * slice);
            var r = 0;
            for (; r + 3 <= rows; r += 3)
            {
                ThreeRows(ref Unsafe.Add(ref x, (nint)r * inputs), ref Unsafe.Add(ref hp, (nint)r * size), ref wj, ref b,
                    ref Unsafe.Add(ref a, ((nint)r * width) + (4 * j)), j, shape);
            }

            for (; r < rows; r++)
            {
                OneRow(ref Unsafe.Add(ref x, (nint)r * inputs), ref Unsafe.Add(ref hp, (nint)r * size), ref wj, ref b,
                    ref Unsafe.Add(ref a, ((nint)r * width) + (4 * j)), j, shape);
            }
        }

        // The activations apart from the products: together they would need more registers than there are.
        Cells(ref a, ref MemoryMarshal.GetReference(cell), ref MemoryMarshal.GetReference(hidden), rows, size, first);
    }

    private static void RequireShape(int inputs, int size, int rows)
    {
        if (!Supports(size) || inputs <= 0 || rows <= 0)
        {
            throw new ArgumentException(
                $"the fused LSTM step needs a hidden size in whole vectors of {Lanes}, inputs and rows; got {size}, {inputs}, {rows}");
        }
    }

    // Twelve accumulators (3 sequences × 4 gates) hide the FMA latency; each weight vector loaded serves three FMAs.
    private static void ThreeRows(ref float x0, ref float h0, ref float w, ref float b, ref float a0, int j, Shape shape)
    {
        nint size = shape.Size;
        nint inputs = shape.Inputs;
        nint lanes = Lanes;
        var i0 = Vector.LoadUnsafe(ref b, (nuint)j);
        var f0 = Vector.LoadUnsafe(ref b, (nuint)(size + j));
        var g0 = Vector.LoadUnsafe(ref b, (nuint)((2 * size) + j));
        var o0 = Vector.LoadUnsafe(ref b, (nuint)((3 * size) + j));
        var i1 = i0;
        var f1 = f0;
        var g1 = g0;
        var o1 = o0;
        var i2 = i0;
        var f2 = f0;
        var g2 = g0;
        var o2 = o0;
        ref var x1 = ref Unsafe.Add(ref x0, inputs);
        ref var x2 = ref Unsafe.Add(ref x1, inputs);
        for (nint p = 0; p < inputs; p++, w = ref Unsafe.Add(ref w, 4 * lanes))
        {
            var s0 = new Vector<float>(Unsafe.Add(ref x0, p));
            var s1 = new Vector<float>(Unsafe.Add(ref x1, p));
            var s2 = new Vector<float>(Unsafe.Add(ref x2, p));
            var v = Vector.LoadUnsafe(ref w);
            i0 = Vector.FusedMultiplyAdd(s0, v, i0);
            i1 = Vector.FusedMultiplyAdd(s1, v, i1);
            i2 = Vector.FusedMultiplyAdd(s2, v, i2);
            v = Vector.LoadUnsafe(ref w, (nuint)lanes);
            f0 = Vector.FusedMultiplyAdd(s0, v, f0);
            f1 = Vector.FusedMultiplyAdd(s1, v, f1);
            f2 = Vector.FusedMultiplyAdd(s2, v, f2);
            v = Vector.LoadUnsafe(ref w, (nuint)(2 * lanes));
            g0 = Vector.FusedMultiplyAdd(s0, v, g0);
            g1 = Vector.FusedMultiplyAdd(s1, v, g1);
            g2 = Vector.FusedMultiplyAdd(s2, v, g2);
            v = Vector.LoadUnsafe(ref w, (nuint)(3 * lanes));
            o0 = Vector.FusedMultiplyAdd(s0, v, o0);
            o1 = Vector.FusedMultiplyAdd(s1, v, o1);
            o2 = Vector.FusedMultiplyAdd(s2, v, o2);
        }

        if (!shape.First)
        {
            ref var h1 = ref Unsafe.Add(ref h0, size);
            ref var h2 = ref Unsafe.Add(ref h1, size);
            for (nint p = 0; p < size; p++, w = ref Unsafe.Add(ref w, 4 * lanes))
            {
                var s0 = new Vector<float>(Unsafe.Add(ref h0, p));
                var s1 = new Vector<float>(Unsafe.Add(ref h1, p));
                var s2 = new Vector<float>(Unsafe.Add(ref h2, p));
                var v = Vector.LoadUnsafe(ref w);
                i0 = Vector.FusedMultiplyAdd(s0, v, i0);
                i1 = Vector.FusedMultiplyAdd(s1, v, i1);
                i2 = Vector.FusedMultiplyAdd(s2, v, i2);
                v = Vector.LoadUnsafe(ref w, (nuint)lanes);
                f0 = Vector.FusedMultiplyAdd(s0, v, f0);
                f1 = Vector.FusedMultiplyAdd(s1, v, f1);
                f2 = Vector.FusedMultiplyAdd(s2, v, f2);
                v = Vector.LoadUnsafe(ref w, (nuint)(2 * lanes));
                g0 = Vector.FusedMultiplyAdd(s0, v, g0);
                g1 = Vector.FusedMultiplyAdd(s1, v, g1);
                g2 = Vector.FusedMultiplyAdd(s2, v, g2);
                v = Vector.LoadUnsafe(ref w, (nuint)(3 * lanes));
                o0 = Vector.FusedMultiplyAdd(s0, v, o0);
                o1 = Vector.FusedMultiplyAdd(s1, v, o1);
                o2 = Vector.FusedMultiplyAdd(s2, v, o2);
            }
        }

        Store(i0, f0, g0, o0, ref a0);
        Store(i1, f1, g1, o1, ref Unsafe.Add(ref a0, 4 * size));
        Store(i2, f2, g2, o2, ref Unsafe.Add(ref a0, 8 * size));
    }

    private static void OneRow(ref float x0, ref float h0, ref float w, ref float b, ref float a0, int j, Shape shape)
    {
        nint size = shape.Size;
        nint lanes = Lanes;
        var i0 = Vector.LoadUnsafe(ref b, (nuint)j);
        var f0 = Vector.LoadUnsafe(ref b, (nuint)(size + j));
        var g0 = Vector.LoadUnsafe(ref b, (nuint)((2 * size) + j));
        var o0 = Vector.LoadUnsafe(ref b, (nuint)((3 * size) + j));
        for (nint p = 0; p < shape.Inputs; p++, w = ref Unsafe.Add(ref w, 4 * lanes))
        {
            var s0 = new Vector<float>(Unsafe.Add(ref x0, p));
            i0 = Vector.FusedMultiplyAdd(s0, Vector.LoadUnsafe(ref w), i0);
            f0 = Vector.FusedMultiplyAdd(s0, Vector.LoadUnsafe(ref w, (nuint)lanes), f0);
            g0 = Vector.FusedMultiplyAdd(s0, Vector.LoadUnsafe(ref w, (nuint)(2 * lanes)), g0);
            o0 = Vector.FusedMultiplyAdd(s0, Vector.LoadUnsafe(ref w, (nuint)(3 * lanes)), o0);
        }

        if (!shape.First)
        {
            for (nint p = 0; p < size; p++, w = ref Unsafe.Add(ref w, 4 * lanes))
            {
                var s0 = new Vector<float>(Unsafe.Add(ref h0, p));
                i0 = Vector.FusedMultiplyAdd(s0, Vector.LoadUnsafe(ref w), i0);
                f0 = Vector.FusedMultiplyAdd(s0, Vector.LoadUnsafe(ref w, (nuint)lanes), f0);
                g0 = Vector.FusedMultiplyAdd(s0, Vector.LoadUnsafe(ref w, (nuint)(2 * lanes)), g0);
                o0 = Vector.FusedMultiplyAdd(s0, Vector.LoadUnsafe(ref w, (nuint)(3 * lanes)), o0);
            }
        }

        Store(i0, f0, g0, o0, ref a0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector<float> i, Vector<float> f, Vector<float> g, Vector<float> o, ref float a)
    {
        i.StoreUnsafe(ref a);
        f.StoreUnsafe(ref a, (nuint)Lanes);
        g.StoreUnsafe(ref a, (nuint)(2 * Lanes));
        o.StoreUnsafe(ref a, (nuint)(3 * Lanes));
    }

    // LstmCell.Forward's arithmetic without its stores for backward: c = f·c₋₁ + i·g, h = o·tanh(c). A row's gates
    // are activated in place first, so the exp chains of neighbouring vectors are independent and overlap; per
    // unit, the five chained activations would leave the pipes waiting on latency.
    private static void Cells(ref float a, ref float c, ref float h, int rows, int size, bool first)
    {
        nint lanes = Lanes;
        nint gates = 4 * size;
        for (nint r = 0; r < rows; r++, a = ref Unsafe.Add(ref a, gates), c = ref Unsafe.Add(ref c, size), h = ref Unsafe.Add(ref h, size))
        {
            for (nint v = 0; v < gates; v += 4 * lanes)
            {
                ref var q = ref Unsafe.Add(ref a, v);
                VectorMath.Sigmoid(Vector.LoadUnsafe(ref q)).StoreUnsafe(ref q);
                if (!first)
                {
                    VectorMath.Sigmoid(Vector.LoadUnsafe(ref q, (nuint)lanes)).StoreUnsafe(ref q, (nuint)lanes);
                }

                VectorMath.Tanh(Vector.LoadUnsafe(ref q, (nuint)(2 * lanes))).StoreUnsafe(ref q, (nuint)(2 * lanes));
                VectorMath.Sigmoid(Vector.LoadUnsafe(ref q, (nuint)(3 * lanes))).StoreUnsafe(ref q, (nuint)(3 * lanes));
            }

            for (nint j = 0; j < size; j += lanes)
            {
                ref var q = ref Unsafe.Add(ref a, 4 * j);
                var cv = Vector.LoadUnsafe(ref q) * Vector.LoadUnsafe(ref q, (nuint)(2 * lanes));
                if (!first)
                {
                    cv = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref q, (nuint)lanes), Vector.LoadUnsafe(ref c, (nuint)j), cv);
                }

                cv.StoreUnsafe(ref c, (nuint)j);
                (Vector.LoadUnsafe(ref q, (nuint)(3 * lanes)) * VectorMath.Tanh(cv)).StoreUnsafe(ref h, (nuint)j);
            }
        }
    }

    private readonly record struct Shape(int Inputs, int Size, bool First);
}
