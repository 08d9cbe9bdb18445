namespace AutoShield.Ingestion.CicFlowMeter;

/// <summary>
/// Maps a CSV header onto the columns we use, by name (trimmed, case-insensitive), accepting the names of the
/// improved CIC-IDS2017 re-extraction (<c>Src IP</c>, <c>Total Fwd Packet</c>), the original CIC-IDS2017 CSVs
/// (<c> Source IP</c>, <c> Total Backward Packets</c>) and CICFlowMeter-V3/CSE-CIC-IDS2018 (<c>Tot Fwd Pkts</c>).
/// </summary>
internal sealed class CicHeaderMap
{
    public const int ColumnCount = (int)CicColumn.Label + 1;

    private static readonly string[][] Names =
    [
        ["Src IP", "Source IP"],
        ["Src Port", "Source Port"],
        ["Dst IP", "Destination IP"],
        ["Dst Port", "Destination Port"],
        ["Protocol"],
        ["Timestamp"],
        ["Flow Duration"],
        ["Total Fwd Packet", "Total Fwd Packets", "Tot Fwd Pkts"],
        ["Total Bwd packets", "Total Backward Packets", "Tot Bwd Pkts"],
        ["Total Length of Fwd Packet", "Total Length of Fwd Packets", "TotLen Fwd Pkts"],
        ["Total Length of Bwd Packet", "Total Length of Bwd Packets", "TotLen Bwd Pkts"],
        ["SYN Flag Count", "SYN Flag Cnt"],
        ["ACK Flag Count", "ACK Flag Cnt"],
        ["RST Flag Count", "RST Flag Cnt"],
        ["FIN Flag Count", "FIN Flag Cnt"],
        ["Label"],
    ];

    private static readonly Dictionary<string, CicColumn> ByName = BuildLookup();

    private readonly int[] _indexes;
    private readonly string[] _headerNames;

    private CicHeaderMap(int[] indexes, string[] headerNames, int fieldCount)
    {
        _indexes = indexes;
        _headerNames = headerNames;
        FieldCount = fieldCount;
    }

    /// <summary>Number of columns in the header, which every row must match.</summary>
    public int FieldCount { get; }

    /// <summary>Field index of a column in each row; -1 when the file lacks an optional column.</summary>
    public int IndexOf(CicColumn column) => _indexes[(int)column];

    /// <summary>The column's name as the file spells it, for error messages.</summary>
    public string NameOf(CicColumn column) => _headerNames[(int)column];

    public static bool IsRequired(CicColumn column) => column is not (CicColumn.SynCount or CicColumn.AckCount
        or CicColumn.RstCount or CicColumn.FinCount or CicColumn.Label);

    /// <summary>Maps the header fields; null with an error naming every missing required column.</summary>
    public static CicHeaderMap? Create(IReadOnlyList<string> header, out string? error)
    {
        var indexes = new int[ColumnCount];
        var names = new string[ColumnCount];
        Array.Fill(indexes, -1);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim();
            // The original files repeat some unused names (" Fwd Header Length"); the first occurrence wins.
            if (ByName.TryGetValue(name, out var column) && indexes[(int)column] < 0)
            {
                indexes[(int)column] = i;
                names[(int)column] = name;
            }
        }

        var missing = Enumerable.Range(0, ColumnCount)
            .Where(c => indexes[c] < 0 && IsRequired((CicColumn)c))
            .Select(c => $"'{Names[c][0]}'" + (Names[c].Length > 1 ? $" (or {string.Join(", ", Names[c].Skip(1).Select(n => $"'{n}'"))})" : string.Empty))
            .ToList();
        if (missing.Count > 0)
        {
            error = $"header: expected required column{(missing.Count > 1 ? "s" : string.Empty)} {string.Join(", ", missing)}; not a CICFlowMeter CSV, reading nothing";
            return null;
        }

        error = null;
        return new CicHeaderMap(indexes, names, header.Count);
    }

    private static Dictionary<string, CicColumn> BuildLookup()
    {
        var lookup = new Dictionary<string, CicColumn>(StringComparer.OrdinalIgnoreCase);
        for (var c = 0; c < Names.Length; c++)
        {
            foreach (var name in Names[c])
            {
                lookup[name] = (CicColumn)c;
            }
        }

        return lookup;
    }
}
