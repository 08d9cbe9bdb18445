namespace AutoShield.Ingestion.Simulation;

/// <summary>Distributions the simulator draws from, on a seeded <see cref="Random"/>.</summary>
internal static class RandomExtensions
{
    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static double Uniform(this Random random, double min, double max) => min + (random.NextDouble() * (max - min));

    /// <summary>Exponential with the given mean: the gaps of a Poisson process.</summary>
    public static double Exponential(this Random random, double mean) => -mean * Math.Log(1.0 - random.NextDouble());

    public static double Gaussian(this Random random)
    {
        // Box-Muller; 1 - u keeps the logarithm finite.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Log-normal with the given median; service times and payload sizes are heavy-tailed like this.</summary>
    public static double LogNormal(this Random random, double median, double sigma) => median * Math.Exp(sigma * random.Gaussian());

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Index drawn with probability proportional to 1/(i+1)^exponent: a few items get most of the picks.</summary>
    public static int Zipf(this Random random, int count, double exponent = 1.1)
    {
        var total = 0.0;
        for (var i = 0; i < count; i++)
        {
            total += 1.0 / Math.Pow(i + 1, exponent);
        }

        var target = random.NextDouble() * total;
        for (var i = 0; i < count; i++)
        {
            target -= 1.0 / Math.Pow(i + 1, exponent);
            if (target <= 0)
            {
                return i;
            }
        }

        return count - 1;
    }

    /// <summary>Fisher-Yates shuffle into a new list.</summary>
    public static List<T> Shuffled<T>(this Random random, IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }

    /// <summary>An ephemeral source port in Linux's default range.</summary>
    public static ushort EphemeralPort(this Random random) => (ushort)random.Next(32768, 61000);

    /// <summary>Lower-case letters and digits.</summary>
    public static string Alphanumeric(this Random random, int length, string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789")
    {
        return string.Create(length, (random, alphabet), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.alphabet[state.random.Next(state.alphabet.Length)];
            }
        });
    }

    /// <summary>A version-4 UUID from the seeded stream (request ids).</summary>
    public static string Uuid(this Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D");
    }
}
