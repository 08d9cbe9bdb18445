using System.Globalization;

namespace AutoShield.Metrics.Exposition;

/// <summary>Formats and parses sample values as the text format spells them.</summary>
internal static class SampleValue
{
    // Every integer below 2^53 is exact as a double; past it a long would print digits the double never held.
    private const double LargestExactInteger = 9007199254740992d;

    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        // Counts are the common case; "12" reads better than "12.0" or "1.2E+01".
        return Math.Abs(value) <= LargestExactInteger && value == Math.Floor(value)
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);
    }

    public static bool TryParse(ReadOnlySpan<char> text, out double value)
    {
        switch (text)
        {
            case "NaN":
                value = double.NaN;
                return true;
            case "+Inf" or "Inf":
                value = double.PositiveInfinity;
                return true;
            case "-Inf":
                value = double.NegativeInfinity;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }
}
