namespace AutoShield.Ingestion.Simulation;

/// <summary>
/// Derives independent, stable seeds for the simulator's parts from the run's seed and a stream name, so each
/// traffic source draws from its own <see cref="Random"/>: adding an attack never shifts the background.
/// (string.GetHashCode is randomised per process, hence FNV-1a.)
/// </summary>
internal static class SeedMixer
{
    public static int Derive(int seed, string stream)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in stream)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        // SplitMix64 finaliser over seed and name.
        var z = hash + ((ulong)(uint)seed * 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z & 0x7FFF_FFFF);
    }

    public static Random Random(int seed, string stream) => new(Derive(seed, stream));
}
