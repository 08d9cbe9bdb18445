using System.Buffers.Binary;

namespace AutoShield.Ingestion.Tests.Pcap;

/// <summary>Writes pcapng blocks; each <see cref="Section"/> may use its own byte order.</summary>
internal sealed class PcapNgBuilder
{
    private readonly MemoryStream _bytes = new();
    private bool _bigEndian;

    public PcapNgBuilder(bool bigEndian = false) => Section(bigEndian);

    public PcapNgBuilder Section(bool bigEndian = false, ushort majorVersion = 1)
    {
        _bigEndian = bigEndian;
        var body = new byte[16];
        Write32(body, 0, 0x1A2B3C4D);
        Write16(body, 4, majorVersion);
        Write16(body, 6, 0);
        BinaryPrimitives.WriteInt64LittleEndian(body.AsSpan(8), -1);
        return Block(0x0A0D0D0A, body);
    }

    /// <summary>
    /// An Interface Description Block; <paramref name="tsresol"/> is the raw if_tsresol byte (high bit: power of two),
    /// <paramref name="tsoffsetSeconds"/> the if_tsoffset option.
    /// </summary>
    public PcapNgBuilder Interface(int linkType, byte? tsresol = null, long? tsoffsetSeconds = null, uint snapLength = 0)
    {
        var options = new MemoryStream();
        if (tsresol is { } resolution)
        {
            options.Write(Option(9, [resolution]));
        }

        if (tsoffsetSeconds is { } seconds)
        {
            var value = new byte[8];
            if (_bigEndian)
            {
                BinaryPrimitives.WriteInt64BigEndian(value, seconds);
            }
            else
            {
                BinaryPrimitives.WriteInt64LittleEndian(value, seconds);
            }

            options.Write(Option(14, value));
        }

        if (options.Length > 0)
        {
            options.Write(new byte[4]);
        }

        var body = new byte[8 + options.Length];
        Write16(body, 0, (ushort)linkType);
        Write32(body, 4, snapLength);
        options.ToArray().CopyTo(body, 8);
        return Block(1, body);
    }

    public PcapNgBuilder Enhanced(uint interfaceId, ulong timestampUnits, byte[] frame, int? capturedBytes = null, uint? declaredCapturedLength = null)
    {
        var captured = capturedBytes ?? frame.Length;
        var body = new byte[20 + Pad(captured)];
        Write32(body, 0, interfaceId);
        Write32(body, 4, (uint)(timestampUnits >> 32));
        Write32(body, 8, (uint)timestampUnits);
        Write32(body, 12, declaredCapturedLength ?? (uint)captured);
        Write32(body, 16, (uint)frame.Length);
        frame.AsSpan(0, captured).CopyTo(body.AsSpan(20));
        return Block(6, body);
    }

    /// <summary>The obsolete Packet Block (type 2): 16-bit interface id and drop count.</summary>
    public PcapNgBuilder ObsoletePacket(ushort interfaceId, ulong timestampUnits, byte[] frame)
    {
        var body = new byte[20 + Pad(frame.Length)];
        Write16(body, 0, interfaceId);
        Write16(body, 2, 0);
        Write32(body, 4, (uint)(timestampUnits >> 32));
        Write32(body, 8, (uint)timestampUnits);
        Write32(body, 12, (uint)frame.Length);
        Write32(body, 16, (uint)frame.Length);
        frame.CopyTo(body, 20);
        return Block(2, body);
    }

    public PcapNgBuilder Simple(byte[] frame)
    {
        var body = new byte[4 + Pad(frame.Length)];
        Write32(body, 0, (uint)frame.Length);
        frame.CopyTo(body, 4);
        return Block(3, body);
    }

    /// <summary>Any block, framed as the format requires: type, total length, body, total length.</summary>
    public PcapNgBuilder Block(uint type, byte[] body, uint? declaredLength = null)
    {
        var total = declaredLength ?? (uint)(12 + body.Length);
        var header = new byte[8];
        Write32(header, 0, type);
        Write32(header, 4, total);
        _bytes.Write(header);
        _bytes.Write(body);
        var trailer = new byte[4];
        Write32(trailer, 0, total);
        _bytes.Write(trailer);
        return this;
    }

    public PcapNgBuilder Raw(byte[] bytes)
    {
        _bytes.Write(bytes);
        return this;
    }

    public byte[] ToArray() => _bytes.ToArray();

    private static int Pad(int length) => (length + 3) & ~3;

    private byte[] Option(ushort code, byte[] value)
    {
        var option = new byte[4 + Pad(value.Length)];
        Write16(option, 0, code);
        Write16(option, 2, (ushort)value.Length);
        value.CopyTo(option, 4);
        return option;
    }

    private void Write16(byte[] target, int offset, ushort value)
    {
        if (_bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(target.AsSpan(offset), value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(target.AsSpan(offset), value);
        }
    }

    private void Write32(byte[] target, int offset, uint value)
    {
        if (_bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(target.AsSpan(offset), value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(target.AsSpan(offset), value);
        }
    }
}
