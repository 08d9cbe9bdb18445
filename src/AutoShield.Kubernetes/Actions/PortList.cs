using System.Globalization;

namespace AutoShield.Kubernetes.Actions;

/// <summary>The <c>ports</c> parameter: <c>any</c>, or port numbers and ranges (<c>22,3306,8000-8100</c>), as sorted inclusive ranges.</summary>
public static class PortList
{
    public const string Any = "any";

    public static bool TryParse(string text, out IReadOnlyList<(int First, int Last)> ranges, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ranges = [];
        error = null;
        if (text.Trim() == Any)
        {
            return true;
        }

        var list = new List<(int First, int Last)>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            var firstText = dash < 0 ? part : part[..dash];
            var lastText = dash < 0 ? part : part[(dash + 1)..];
            if (!int.TryParse(firstText, NumberStyles.None, CultureInfo.InvariantCulture, out var first)
                || !int.TryParse(lastText, NumberStyles.None, CultureInfo.InvariantCulture, out var last)
                || first < 1 || last > 65535 || first > last)
            {
                error = $"'{part}' is not a port (1-65535) or range such as 8000-8100; use 'any' for all ports";
                return false;
            }

            list.Add((first, last));
        }

        if (list.Count == 0)
        {
            error = "expected 'any' or a list of ports";
            return false;
        }

        list.Sort();
        var merged = new List<(int First, int Last)>();
        foreach (var range in list)
        {
            if (merged.Count > 0 && range.First <= merged[^1].Last + 1)
            {
                merged[^1] = (merged[^1].First, Math.Max(merged[^1].Last, range.Last));
            }
            else
            {
                merged.Add(range);
            }
        }

        ranges = merged;
        return true;
    }

    /// <summary>The ranges of 1-65535 not in <paramref name="denied"/>: what an allow-list policy must allow to deny only those.</summary>
    public static IReadOnlyList<(int First, int Last)> Complement(IReadOnlyList<(int First, int Last)> denied)
    {
        ArgumentNullException.ThrowIfNull(denied);
        var result = new List<(int First, int Last)>();
        var next = 1;
        foreach (var (first, last) in denied)
        {
            if (first > next)
            {
                result.Add((next, first - 1));
            }

            next = last + 1;
        }

        if (next <= 65535)
        {
            result.Add((next, 65535));
        }

        return result;
    }
}
