using System.Globalization;

namespace AutoShield.Kubernetes.Actions;

/// <summary>
/// Turns the bandwidths people write (<c>1000kbps</c>, <c>10Mbit</c>, <c>10M</c>) into the quantity in bits per
/// second that the <c>kubernetes.io/*-bandwidth</c> annotations take (<c>1000k</c>, <c>10M</c>).
/// </summary>
public static class Bandwidth
{
    public static bool TryNormalize(string text, out string quantity)
    {
        ArgumentNullException.ThrowIfNull(text);
        quantity = string.Empty;
        var value = text.Trim();
        foreach (var suffix in new[] { "bps", "bit", "b/s" })
        {
            if (value.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                value = value[..^suffix.Length];
                break;
            }
        }

        var digits = 0;
        while (digits < value.Length && char.IsAsciiDigit(value[digits]))
        {
            digits++;
        }

        if (digits == 0 || !long.TryParse(value.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return false;
        }

        var unit = value[digits..] switch
        {
            "" => "",
            "k" or "K" => "k",
            "m" or "M" => "M",
            "g" or "G" => "G",
            _ => null,
        };
        if (unit is null)
        {
            return false;
        }

        quantity = string.Create(CultureInfo.InvariantCulture, $"{amount}{unit}");
        return true;
    }
}
