using System.Buffers.Binary;

namespace AutoShield.Ingestion.Tests.Pcap;

/// <summary>Writes a classic libpcap file in either byte order with micro- or nanosecond timestamps.</summary>
internal sealed class PcapBuilder
{
    private readonly MemoryStream _bytes = new();
    private readonly bool _bigEndian;
    private readonly bool _nanos;

    public PcapBuilder(int linkType = 1, bool bigEndian = false, bool nanos = false, uint snapLength = 262144)
    {
        _bigEndian = bigEndian;
        _nanos = nanos;
        UInt32(nanos ? 0xA1B23C4Du : 0xA1B2C3D4u);
        UInt16(2);
        UInt16(4);
        UInt32(0);
        UInt32(0);
        UInt32(snapLength);
        UInt32((uint)linkType);
    }

    /// <summary>Adds a record; <paramref name="capturedBytes"/> cuts the frame as a snap length would.</summary>
    public PcapBuilder Add(long timeUnixNanos, byte[] frame, int? capturedBytes = null, uint? declaredCapturedLength = null)
    {
        var captured = capturedBytes ?? frame.Length;
        UInt32((uint)(timeUnixNanos / 1_000_000_000));
        var fraction = timeUnixNanos % 1_000_000_000;
        UInt32((uint)(_nanos ? fraction : fraction / 1000));
        UInt32(declaredCapturedLength ?? (uint)captured);
        UInt32((uint)frame.Length);
        _bytes.Write(frame, 0, captured);
        return this;
    }

    public byte[] ToArray() => _bytes.ToArray();

    private void UInt16(ushort value)
    {
        Span<byte> bytes = stackalloc byte[2];
        if (_bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        }

        _bytes.Write(bytes);
    }

    private void UInt32(uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        if (_bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        }

        _bytes.Write(bytes);
    }
}
