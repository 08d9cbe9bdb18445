using System.Buffers.Binary;

namespace AutoShield.Ingestion.Pcap;

/// <summary>
/// pcapng framing: blocks of (type, total length, body, total length) in the byte order of their section. Reads
/// Section Header, Interface Description, Enhanced Packet, Simple Packet and the obsolete Packet blocks, and
/// steps over every other block type by its length. Each new section starts a fresh interface list.
/// </summary>
internal sealed class PcapNgFormat : ICaptureFormat
{
    public const uint SectionHeaderType = 0x0A0D0D0A;
    private const uint ByteOrderMagic = 0x1A2B3C4D;
    private const uint InterfaceDescriptionType = 1;
    private const uint PacketType = 2;
    private const uint SimplePacketType = 3;
    private const uint EnhancedPacketType = 6;
    private const int MinBlockBytes = 12;

    private readonly CaptureBuffer _buffer;
    private readonly int _maxRecordBytes;
    private readonly List<PcapNgInterface> _interfaces = [];
    private bool _bigEndian;
    private long _lastTimeUnixNanos;
    private long _packets;

    public PcapNgFormat(CaptureBuffer buffer, int maxRecordBytes)
    {
        _buffer = buffer;
        _maxRecordBytes = maxRecordBytes;
    }

    public long PacketNumber { get; private set; }

    public RecordStatus Next(out CapturedPacket packet, out string? error)
    {
        packet = default;
        while (true)
        {
            if (!_buffer.Ensure(1))
            {
                error = null;
                return RecordStatus.End;
            }

            var offset = _buffer.Position;
            PacketNumber = _packets + 1;
            var framing = FrameBlock(offset, out var type, out var length, out error);
            if (framing != RecordStatus.Packet)
            {
                return framing;
            }

            var body = _buffer.Peek(length)[8..(length - 4)];
            RecordStatus? status = type switch
            {
                SectionHeaderType => ReadSectionHeader(body, offset, out error),
                InterfaceDescriptionType => ReadInterface(body, offset, out error),
                EnhancedPacketType or PacketType => ReadPacket(type, body, offset, out packet, out error),
                SimplePacketType => ReadSimplePacket(body, offset, out packet, out error),
                _ => NoPacket(out error),
            };
            _buffer.Advance(length);
            if (status is { } found)
            {
                return found;
            }
        }
    }

    /// <summary>Checks the block's framing and buffers it whole; Packet here means "a sound block is buffered".</summary>
    private RecordStatus FrameBlock(long offset, out uint type, out int length, out string? error)
    {
        type = 0;
        length = 0;
        if (!_buffer.Ensure(8))
        {
            error = $"block at byte offset {offset}: expected an 8-byte block header, file ends after {_buffer.Available}";
            return RecordStatus.Fatal;
        }

        type = BinaryPrimitives.ReadUInt32LittleEndian(_buffer.Peek(4));
        if (type == SectionHeaderType)
        {
            // A section's byte order is only known from its own header, which may differ from the last section's.
            if (!_buffer.Ensure(MinBlockBytes))
            {
                error = $"section header at byte offset {offset}: expected a byte-order magic, file ends after {_buffer.Available}";
                return RecordStatus.Fatal;
            }

            var magic = BinaryPrimitives.ReadUInt32LittleEndian(_buffer.Peek(MinBlockBytes)[8..]);
            if (magic != ByteOrderMagic && BinaryPrimitives.ReverseEndianness(magic) != ByteOrderMagic)
            {
                error = $"section header at byte offset {offset + 8}: expected byte-order magic 0x1A2B3C4D, got 0x{magic:X8}; framing is lost, stopping";
                return RecordStatus.Fatal;
            }

            _bigEndian = magic != ByteOrderMagic;
        }
        else
        {
            type = ReadUInt32(_buffer.Peek(4));
        }

        var declared = ReadUInt32(_buffer.Peek(8)[4..]);
        if (declared < MinBlockBytes || declared % 4 != 0 || declared > (uint)_maxRecordBytes)
        {
            error = $"block at byte offset {offset}: expected a total length that is a multiple of 4 between {MinBlockBytes} and {_maxRecordBytes}, got {declared}; framing is lost, stopping";
            return RecordStatus.Fatal;
        }

        length = (int)declared;
        if (!_buffer.Ensure(length))
        {
            error = $"block at byte offset {offset}: expected {length} bytes, file ends after {_buffer.Available}";
            return RecordStatus.Fatal;
        }

        var trailer = ReadUInt32(_buffer.Peek(length)[(length - 4)..]);
        if (trailer != declared)
        {
            error = $"block at byte offset {offset}: expected the trailing total length {declared}, got {trailer}; framing is lost, stopping";
            return RecordStatus.Fatal;
        }

        error = null;
        return RecordStatus.Packet;
    }

    private RecordStatus? ReadSectionHeader(ReadOnlySpan<byte> body, long offset, out string? error)
    {
        _interfaces.Clear();
        var major = body.Length >= 6 ? ReadUInt16(body[4..]) : 0;
        if (major != 1)
        {
            error = $"section header at byte offset {offset}: expected major version 1, got {major}; reading on";
            return RecordStatus.Error;
        }

        error = null;
        return null;
    }

    private RecordStatus? ReadInterface(ReadOnlySpan<byte> body, long offset, out string? error)
    {
        if (body.Length < 8)
        {
            error = $"interface description at byte offset {offset}: expected a body of at least 8 bytes, got {body.Length}";
            _interfaces.Add(PcapNgInterface.Default(-1, 0));
            return RecordStatus.Error;
        }

        var described = PcapNgInterface.Default(ReadUInt16(body), (int)Math.Min(ReadUInt32(body[4..]), int.MaxValue));
        var options = body[8..];
        error = null;
        while (options.Length >= 4)
        {
            var code = ReadUInt16(options);
            var size = ReadUInt16(options[2..]);
            if (code == 0)
            {
                break;
            }

            if (4 + size > options.Length)
            {
                error = $"interface description at byte offset {offset}: expected option {code} of {size} bytes, block has {options.Length - 4} left";
                break;
            }

            described = ApplyOption(described, code, options.Slice(4, size));
            options = options[Math.Min(options.Length, 4 + ((size + 3) & ~3))..];
        }

        _interfaces.Add(described);
        return error is null ? null : RecordStatus.Error;
    }

    private PcapNgInterface ApplyOption(PcapNgInterface described, int code, ReadOnlySpan<byte> value) => code switch
    {
        // if_tsresol: high bit set means a negative power of two, clear a negative power of ten.
        9 when value.Length >= 1 => described with
        {
            BinaryResolution = (value[0] & 0x80) != 0,
            ResolutionExponent = value[0] & 0x7F,
        },
        // if_tsoffset: seconds to add to every timestamp of the interface.
        14 when value.Length >= 8 => described with { OffsetSeconds = (long)ReadUInt64(value) },
        _ => described,
    };

    private RecordStatus? ReadPacket(uint type, ReadOnlySpan<byte> body, long offset, out CapturedPacket packet, out string? error)
    {
        packet = default;
        _packets++;
        const int Fixed = 20;
        var name = type == EnhancedPacketType ? "enhanced packet block" : "packet block";
        if (body.Length < Fixed)
        {
            error = $"packet {PacketNumber} at byte offset {offset}: expected an {name} body of at least {Fixed} bytes, got {body.Length}";
            return RecordStatus.Error;
        }

        var interfaceId = type == EnhancedPacketType ? ReadUInt32(body) : ReadUInt16(body);
        var units = ((ulong)ReadUInt32(body[4..]) << 32) | ReadUInt32(body[8..]);
        var captured = ReadUInt32(body[12..]);
        var original = ReadUInt32(body[16..]);
        if (captured > (uint)(body.Length - Fixed))
        {
            error = $"packet {PacketNumber} at byte offset {offset + 8 + Fixed}: expected {captured} captured bytes, the {name} holds {body.Length - Fixed}";
            return RecordStatus.Error;
        }

        if (interfaceId >= (uint)_interfaces.Count)
        {
            error = $"packet {PacketNumber} at byte offset {offset + 8}: expected an interface id below {_interfaces.Count}, got {interfaceId}";
            return RecordStatus.Error;
        }

        var described = _interfaces[(int)interfaceId];
        _lastTimeUnixNanos = described.ToUnixNanos(units);
        packet = new CapturedPacket(
            described.LinkType,
            _lastTimeUnixNanos,
            _buffer.Slice(8 + Fixed, (int)captured),
            (int)Math.Min(original, int.MaxValue),
            offset + 8 + Fixed);
        error = null;
        return RecordStatus.Packet;
    }

    private RecordStatus? ReadSimplePacket(ReadOnlySpan<byte> body, long offset, out CapturedPacket packet, out string? error)
    {
        packet = default;
        _packets++;
        if (body.Length < 4 || _interfaces.Count == 0)
        {
            error = _interfaces.Count == 0
                ? $"packet {PacketNumber} at byte offset {offset}: expected an interface description before a simple packet block"
                : $"packet {PacketNumber} at byte offset {offset}: expected a simple packet block body of at least 4 bytes, got {body.Length}";
            return RecordStatus.Error;
        }

        var described = _interfaces[0];
        var original = (int)Math.Min(ReadUInt32(body), int.MaxValue);
        var captured = Math.Min(original, body.Length - 4);
        if (described.SnapLength > 0)
        {
            captured = Math.Min(captured, described.SnapLength);
        }

        // Simple packet blocks carry no timestamp: keep the previous packet's so time never runs backwards.
        packet = new CapturedPacket(described.LinkType, _lastTimeUnixNanos, _buffer.Slice(12, captured), original, offset + 12);
        error = null;
        return RecordStatus.Packet;
    }

    /// <summary>Blocks of other types (name resolution, statistics, custom) carry no packets: step over them.</summary>
    private static RecordStatus? NoPacket(out string? error)
    {
        error = null;
        return null;
    }

    private ushort ReadUInt16(ReadOnlySpan<byte> bytes) =>
        _bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes);

    private uint ReadUInt32(ReadOnlySpan<byte> bytes) =>
        _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);

    private ulong ReadUInt64(ReadOnlySpan<byte> bytes) =>
        _bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(bytes) : BinaryPrimitives.ReadUInt64LittleEndian(bytes);
}
