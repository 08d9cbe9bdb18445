namespace AutoShield.Detection.Layers;

/// <summary>
/// The fixed sinusoidal position table of "Attention Is All You Need": PE[t, 2i] = sin(t·10000^(−2i/d)),
/// PE[t, 2i+1] = cos(t·10000^(−2i/d)), computed in double then rounded.
/// </summary>
public static class PositionalEncoding
{
    public static float[] Create(int steps, int width)
    {
        var table = new float[steps * width];
        for (var t = 0; t < steps; t++)
        {
            for (var i = 0; i < width; i++)
            {
                var pair = i / 2 * 2;
                var angle = t * Math.Exp(-Math.Log(10000.0) * pair / width);
                table[(t * width) + i] = (float)(i % 2 == 0 ? Math.Sin(angle) : Math.Cos(angle));
            }
        }

        return table;
    }
}
