namespace AutoShield.Ingestion.Dns;

/// <summary>
/// Allocation-free reading of a DNS query name: its labels, the longest one and that label's character entropy, the
/// parent domain (the last two labels) and whether it lies in the cluster's own domain. What tunnel and DGA
/// detectors look at: data encoded into a name makes long, random-looking labels.
/// </summary>
public static class DnsLabels
{
    /// <summary>Length of the longest label of <paramref name="name"/> (a trailing dot is ignored).</summary>
    public static int LongestLabel(ReadOnlySpan<char> name)
    {
        var longest = 0;
        var current = 0;
        foreach (var c in name)
        {
            if (c == '.')
            {
                longest = Math.Max(longest, current);
                current = 0;
            }
            else
            {
                current++;
            }
        }

        return Math.Max(longest, current);
    }

    /// <summary>The longest label of <paramref name="name"/> (the first of equal length); empty for an empty name.</summary>
    public static ReadOnlySpan<char> LongestLabelOf(ReadOnlySpan<char> name)
    {
        var bestStart = 0;
        var bestLength = 0;
        var start = 0;
        for (var i = 0; i <= name.Length; i++)
        {
            if (i == name.Length || name[i] == '.')
            {
                if (i - start > bestLength)
                {
                    bestStart = start;
                    bestLength = i - start;
                }

                start = i + 1;
            }
        }

        return name.Slice(bestStart, bestLength);
    }

    /// <summary>
    /// The longest unbroken run of characters of <paramref name="name"/> between dots and hyphens (the first of equal
    /// length): an encoded chunk is one run, while generated provider names (load balancers, CDNs) join short words and
    /// ids with hyphens.
    /// </summary>
    public static ReadOnlySpan<char> LongestChunkOf(ReadOnlySpan<char> name)
    {
        var bestStart = 0;
        var bestLength = 0;
        var start = 0;
        for (var i = 0; i <= name.Length; i++)
        {
            if (i == name.Length || name[i] is '.' or '-')
            {
                if (i - start > bestLength)
                {
                    bestStart = start;
                    bestLength = i - start;
                }

                start = i + 1;
            }
        }

        return name.Slice(bestStart, bestLength);
    }

    /// <summary>Shannon entropy of the characters of <paramref name="label"/>, in bits per character (case-insensitive).</summary>
    public static double Entropy(ReadOnlySpan<char> label)
    {
        if (label.Length == 0)
        {
            return 0;
        }

        Span<int> counts = stackalloc int[128];
        counts.Clear();
        foreach (var c in label)
        {
            counts[char.ToLowerInvariant(c) & 0x7F]++;
        }

        var entropy = 0.0;
        double length = label.Length;
        foreach (var count in counts)
        {
            if (count > 0)
            {
                var p = count / length;
                entropy -= p * Math.Log2(p);
            }
        }

        return entropy;
    }

    /// <summary><paramref name="name"/> without a trailing dot.</summary>
    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> name) => name.EndsWith(".") ? name[..^1] : name;

    /// <summary>The last two labels of <paramref name="name"/> (the domain its subdomains are counted under), or the whole name.</summary>
    public static ReadOnlySpan<char> Parent(ReadOnlySpan<char> name)
    {
        name = Trim(name);
        var last = name.LastIndexOf('.');
        if (last <= 0)
        {
            return name;
        }

        var previous = name[..last].LastIndexOf('.');
        return previous < 0 ? name : name[(previous + 1)..];
    }

    /// <summary>True when <paramref name="name"/> is <paramref name="clusterDomain"/> or lies under it (case-insensitive).</summary>
    public static bool InDomain(ReadOnlySpan<char> name, string clusterDomain)
    {
        name = Trim(name);
        var domain = Trim(clusterDomain);
        if (!name.EndsWith(domain, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return name.Length == domain.Length || name[name.Length - domain.Length - 1] == '.';
    }
}
