using System.Buffers.Binary;
using AutoShield.Core.Flows;

namespace AutoShield.Ingestion.Pcap;

/// <summary>
/// Reads packet captures, classic libpcap (micro- or nanosecond, either byte order) or pcapng (told apart by the
/// first four bytes), and turns every IP packet into one Trace flow event with its transport payload length.
/// Which side initiated is left to the connection assembler. Malformed packets are reported with their packet
/// number and byte offset and skipped; when the framing itself is lost the file is reported and reading stops.
/// </summary>
public sealed class PcapReader : IFlowEventReader
{
    private readonly CaptureBuffer _buffer;
    private readonly Stream _stream;
    private readonly string _sourceName;
    private readonly Action<ParseError>? _onError;
    private readonly PcapReaderOptions _options;
    private readonly HashSet<int> _reportedLinkTypes = [];
    private ICaptureFormat? _format;
    private bool _finished;

    public PcapReader(Stream stream, string sourceName, Action<ParseError>? onError = null, PcapReaderOptions? options = null)
    {
        _stream = stream;
        _sourceName = sourceName;
        _onError = onError;
        _options = options ?? new PcapReaderOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxRecordBytes, 64, nameof(options));
        _buffer = new CaptureBuffer(stream);
    }

    public SourceCounters Counters { get; } = new();

    public bool TryRead(ref FlowEvent flowEvent)
    {
        if (_format is null && !Open())
        {
            return false;
        }

        while (!_finished)
        {
            switch (_format!.Next(out var packet, out var error))
            {
                case RecordStatus.Packet:
                    if (Decode(packet, ref flowEvent))
                    {
                        return true;
                    }

                    break;
                case RecordStatus.Error:
                    Report(_format.PacketNumber, error!);
                    break;
                case RecordStatus.Fatal:
                    Report(_format.PacketNumber, error!);
                    _finished = true;
                    break;
                default:
                    _finished = true;
                    break;
            }
        }

        return false;
    }

    private bool Decode(in CapturedPacket packet, ref FlowEvent flowEvent)
    {
        flowEvent.Reset();
        switch (PacketDecoder.Decode(packet, ref flowEvent, out var failure))
        {
            case DecodeStatus.Decoded:
                flowEvent.Origin = FlowOrigin.Pcap;
                flowEvent.Kind = FlowEventKind.Trace;
                flowEvent.Verdict = Verdict.Forwarded;
                flowEvent.TimeUnixNanos = packet.TimeUnixNanos;
                Counters.CountGood();
                return true;
            case DecodeStatus.Skipped:
                Counters.CountSkipped();
                return false;
            case DecodeStatus.UnsupportedLinkType:
                if (_reportedLinkTypes.Add(packet.LinkType))
                {
                    Report(_format!.PacketNumber, $"packet {_format.PacketNumber}: expected a supported link type (0, 1, 101, 108, 113, 228, 229, 276), got {packet.LinkType}; packets of this link type are skipped");
                }
                else
                {
                    Counters.CountSkipped();
                }

                return false;
            default:
                Report(_format!.PacketNumber, $"packet {_format.PacketNumber} at byte offset {packet.DataFileOffset + failure.Offset}: expected {failure.Expected}");
                return false;
        }
    }

    private bool Open()
    {
        if (_finished)
        {
            return false;
        }

        _finished = true;
        if (!_buffer.Ensure(4))
        {
            Report(0, $"not a pcap or pcapng file: expected a 4-byte magic, file has {_buffer.Available} bytes");
            return false;
        }

        var first4 = _buffer.Peek(4);
        string? error = null;
        if (BinaryPrimitives.ReadUInt32LittleEndian(first4) == PcapNgFormat.SectionHeaderType)
        {
            _format = new PcapNgFormat(_buffer, _options.MaxRecordBytes);
        }
        else if (ClassicPcapFormat.IsMagic(first4))
        {
            _format = ClassicPcapFormat.Open(_buffer, _options.MaxRecordBytes, out error);
        }
        else
        {
            error = $"not a pcap or pcapng file: magic 0x{BinaryPrimitives.ReadUInt32BigEndian(first4):X8}";
        }

        if (_format is null)
        {
            Report(0, error!);
            return false;
        }

        _finished = false;
        return true;
    }

    private void Report(long packetNumber, string message)
    {
        Counters.CountBad();
        _onError?.Invoke(new ParseError(_sourceName, packetNumber, message));
    }

    public void Dispose()
    {
        _buffer.Dispose();
        _stream.Dispose();
    }
}
