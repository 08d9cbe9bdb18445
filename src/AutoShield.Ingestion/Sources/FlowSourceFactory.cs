using System.IO.Compression;
using System.Text;
using AutoShield.Core.Flows;
using AutoShield.Ingestion.CicFlowMeter;
using AutoShield.Ingestion.Hubble;
using AutoShield.Ingestion.Pcap;
using AutoShield.Ingestion.Tetragon;

namespace AutoShield.Ingestion.Sources;

/// <summary>
/// Opens recorded input as a flow event reader: a file path or <c>-</c> for standard input, gzip detected from its
/// magic bytes, the format from <c>--source</c> or, when not given, sniffed from the content.
/// </summary>
public static class FlowSourceFactory
{
    public static readonly IReadOnlyDictionary<string, FlowSourceKind> Names = new Dictionary<string, FlowSourceKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["hubble"] = FlowSourceKind.Hubble,
        ["tetragon"] = FlowSourceKind.Tetragon,
        ["pcap"] = FlowSourceKind.Pcap,
        ["pcapng"] = FlowSourceKind.Pcap,
        ["cicflowmeter"] = FlowSourceKind.CicFlowMeter,
        ["csv"] = FlowSourceKind.CicFlowMeter,
    };

    /// <summary>Opens <paramref name="path"/>; throws <see cref="FileNotFoundException"/> or <see cref="InvalidDataException"/> with a clear message.</summary>
    public static OpenedSource Open(string path, FlowSourceKind? kind, Action<ParseError>? onError = null, Stream? standardInput = null)
    {
        var name = path == "-" ? "<stdin>" : path;
        Stream file = path == "-"
            ? standardInput ?? Console.OpenStandardInput()
            : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        long? length = file.CanSeek ? file.Length : null;
        var raw = new CountingStream(file);
        var content = new PeekableStream(raw);
        var head = content.Peek(2);
        if (head.Length == 2 && head[0] == 0x1F && head[1] == 0x8B)
        {
            content = new PeekableStream(new GZipStream(content, CompressionMode.Decompress));
        }

        var resolved = kind ?? Sniff(content, name);
        var opened = new OpenedSource(name, resolved, raw, length, onError);
        opened.Reader = resolved switch
        {
            FlowSourceKind.Hubble => new HubbleJsonReader(content, name, opened.Report),
            FlowSourceKind.Tetragon => new TetragonFlowReader(content, name, opened.Report),
            FlowSourceKind.Pcap => new PcapReader(content, name, opened.Report),
            FlowSourceKind.CicFlowMeter => new CicFlowMeterReader(content, name, opened.Report),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), resolved, "unknown source kind"),
        };
        return opened;
    }

    /// <summary>Guesses the format from the first bytes: pcap magic, a CSV header, or the shape of the first JSON object.</summary>
    public static FlowSourceKind Sniff(PeekableStream content, string name)
    {
        var head = content.Peek(4096);
        if (head.Length >= 4)
        {
            var magic = BitConverter.ToUInt32(head);
            if (magic is 0xA1B2C3D4 or 0xD4C3B2A1 or 0xA1B23C4D or 0x4D3CB2A1 or 0x0A0D0D0A)
            {
                return FlowSourceKind.Pcap;
            }
        }

        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.StartsWith('{'))
        {
            return text.Contains("\"process_", StringComparison.Ordinal) && !text.Contains("\"flow\"", StringComparison.Ordinal)
                ? FlowSourceKind.Tetragon
                : FlowSourceKind.Hubble;
        }

        if (text.Contains("Dst Port", StringComparison.OrdinalIgnoreCase) || text.Contains("Destination Port", StringComparison.OrdinalIgnoreCase))
        {
            return FlowSourceKind.CicFlowMeter;
        }

        throw new InvalidDataException($"{name}: cannot tell the format from the content; pass --source hubble|tetragon|pcap|cicflowmeter");
    }
}
