namespace AutoShield.Ingestion.Text;

/// <summary>What <see cref="Utf8LineReader.Next"/> found.</summary>
public enum LineStatus
{
    /// <summary>A complete line is in <see cref="Utf8LineReader.Line"/>.</summary>
    Line,
    /// <summary>The line was longer than the limit; it was skipped up to its newline without being held in memory.</summary>
    TooLong,
    /// <summary>End of input.</summary>
    End,
}
