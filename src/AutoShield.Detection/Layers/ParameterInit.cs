namespace AutoShield.Detection.Layers;

/// <summary>Seeded initialisers with PyTorch's default bounds, so a fresh C# network starts where torch's would.</summary>
public static class ParameterInit
{
    /// <summary>Fills <paramref name="values"/> from U(−bound, bound).</summary>
    public static void Uniform(Span<float> values, float bound, Random random)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ((random.NextSingle() * 2f) - 1f) * bound;
        }
    }

    /// <summary>torch's default for Linear and Conv1d weights and biases (kaiming_uniform with a = √5): 1/√fan_in.</summary>
    public static float FanInBound(int fanIn) => 1f / MathF.Sqrt(fanIn);
}
