using System.Buffers.Binary;

namespace AutoShield.Ingestion.Pcap;

/// <summary>
/// Classic libpcap framing: a 24-byte file header (magic a1b2c3d4 for microsecond or a1b23c4d for nanosecond
/// timestamps, in the writer's byte order) and 16-byte record headers, each followed by the captured bytes.
/// </summary>
internal sealed class ClassicPcapFormat : ICaptureFormat
{
    public const uint MagicMicros = 0xA1B2C3D4;
    public const uint MagicNanos = 0xA1B23C4D;
    private const int FileHeaderBytes = 24;
    private const int RecordHeaderBytes = 16;

    private readonly CaptureBuffer _buffer;
    private readonly int _maxRecordBytes;
    private bool _bigEndian;
    private long _fractionNanos;
    private int _linkType;

    private ClassicPcapFormat(CaptureBuffer buffer, int maxRecordBytes)
    {
        _buffer = buffer;
        _maxRecordBytes = maxRecordBytes;
    }

    public long PacketNumber { get; private set; }

    /// <summary>True when the first four bytes are a classic magic in either byte order.</summary>
    public static bool IsMagic(ReadOnlySpan<byte> first4)
    {
        var little = BinaryPrimitives.ReadUInt32LittleEndian(first4);
        var big = BinaryPrimitives.ReadUInt32BigEndian(first4);
        return little is MagicMicros or MagicNanos || big is MagicMicros or MagicNanos;
    }

    /// <summary>Reads the file header; null with an error when the file is shorter than one.</summary>
    public static ClassicPcapFormat? Open(CaptureBuffer buffer, int maxRecordBytes, out string? error)
    {
        if (!buffer.Ensure(FileHeaderBytes))
        {
            error = $"file header at byte offset 0: expected {FileHeaderBytes} bytes, file has {buffer.Available}";
            return null;
        }

        var header = buffer.Peek(FileHeaderBytes);
        var format = new ClassicPcapFormat(buffer, maxRecordBytes);
        var magic = BinaryPrimitives.ReadUInt32LittleEndian(header);
        format._bigEndian = magic is not (MagicMicros or MagicNanos);
        if (format._bigEndian)
        {
            magic = BinaryPrimitives.ReadUInt32BigEndian(header);
        }

        format._fractionNanos = magic == MagicNanos ? 1 : 1000;
        // The upper bits of the link-type word carry FCS information (pcap-savefile), not the type.
        format._linkType = (int)(format.ReadUInt32(header[20..]) & 0xFFFF);
        buffer.Advance(FileHeaderBytes);
        error = null;
        return format;
    }

    public RecordStatus Next(out CapturedPacket packet, out string? error)
    {
        packet = default;
        error = null;
        var offset = _buffer.Position;
        if (!_buffer.Ensure(RecordHeaderBytes))
        {
            if (_buffer.Available == 0)
            {
                return RecordStatus.End;
            }

            PacketNumber++;
            error = $"packet {PacketNumber} at byte offset {offset}: expected a {RecordHeaderBytes}-byte record header, file ends after {_buffer.Available}";
            return RecordStatus.Fatal;
        }

        PacketNumber++;
        var header = _buffer.Peek(RecordHeaderBytes);
        var seconds = ReadUInt32(header);
        var fraction = ReadUInt32(header[4..]);
        var captured = ReadUInt32(header[8..]);
        var original = ReadUInt32(header[12..]);
        if (captured > (uint)_maxRecordBytes)
        {
            error = $"packet {PacketNumber} at byte offset {offset}: expected a captured length of at most {_maxRecordBytes} bytes, got {captured}; framing is lost, stopping";
            return RecordStatus.Fatal;
        }

        if (!_buffer.Ensure(RecordHeaderBytes + (int)captured))
        {
            error = $"packet {PacketNumber} at byte offset {offset + RecordHeaderBytes}: expected {captured} captured bytes, file ends after {_buffer.Available - RecordHeaderBytes}";
            return RecordStatus.Fatal;
        }

        var time = ((long)seconds * 1_000_000_000) + (fraction * _fractionNanos);
        var length = (int)Math.Min(original, int.MaxValue);
        packet = new CapturedPacket(_linkType, time, _buffer.Slice(RecordHeaderBytes, (int)captured), length, offset + RecordHeaderBytes);
        _buffer.Advance(RecordHeaderBytes + (int)captured);
        return RecordStatus.Packet;
    }

    private uint ReadUInt32(ReadOnlySpan<byte> bytes) =>
        _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);
}
