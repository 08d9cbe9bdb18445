using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace AutoShield.Core.Net;

/// <summary>
/// An IPv4 or IPv6 address held in two machine words, so the per-event path can parse, compare and hash
/// addresses without allocating <see cref="IPAddress"/> objects. IPv4 is stored as an IPv4-mapped IPv6 address.
/// </summary>
public readonly struct IpAddr : IEquatable<IpAddr>, IComparable<IpAddr>
{
    private const ulong V4MappedLo = 0x0000_FFFF_0000_0000UL;

    public IpAddr(ulong hi, ulong lo)
    {
        Hi = hi;
        Lo = lo;
    }

    /// <summary>High 64 bits of the IPv6 (or IPv4-mapped) form.</summary>
    public ulong Hi { get; }

    /// <summary>Low 64 bits of the IPv6 (or IPv4-mapped) form.</summary>
    public ulong Lo { get; }

    public static IpAddr None => default;

    public bool IsNone => Hi == 0 && Lo == 0;

    public bool IsV4 => Hi == 0 && (Lo & 0xFFFF_FFFF_0000_0000UL) == V4MappedLo;

    public static IpAddr FromV4(uint address) => new(0, V4MappedLo | address);

    public static IpAddr FromV4(byte a, byte b, byte c, byte d) => FromV4(((uint)a << 24) | ((uint)b << 16) | ((uint)c << 8) | d);

    /// <summary>Reads 4 (IPv4) or 16 (IPv6) network-order bytes.</summary>
    public static IpAddr FromBytes(ReadOnlySpan<byte> bytes) => bytes.Length switch
    {
        4 => FromV4(BinaryPrimitives.ReadUInt32BigEndian(bytes)),
        16 => new IpAddr(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..])),
        _ => throw new ArgumentException("an IP address is 4 or 16 bytes", nameof(bytes)),
    };

    public static IpAddr FromIPAddress(IPAddress address)
    {
        Span<byte> buffer = stackalloc byte[16];
        address.TryWriteBytes(buffer, out var written);
        return FromBytes(buffer[..written]);
    }

    /// <summary>Parses dotted IPv4 or textual IPv6 from UTF-8 without allocating.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out IpAddr address)
    {
        if (TryParseV4(utf8, out var v4))
        {
            address = FromV4(v4);
            return true;
        }

        Span<char> chars = stackalloc char[64];
        if (utf8.Length is 0 or > 64)
        {
            address = default;
            return false;
        }

        for (var i = 0; i < utf8.Length; i++)
        {
            chars[i] = (char)utf8[i];
        }

        return TryParse(chars[..utf8.Length], out address);
    }

    public static bool TryParse(ReadOnlySpan<char> text, out IpAddr address)
    {
        // IPAddress also takes legacy IPv4 forms ("1.2.3", "0x7f.1"); only strict dotted quads are addresses here.
        if (!text.Contains(':'))
        {
            Span<byte> ascii = stackalloc byte[16];
            var written = 0;
            var ok = text.Length <= 15 && System.Text.Ascii.FromUtf16(text, ascii, out written) == System.Buffers.OperationStatus.Done;
            if (ok && TryParseV4(ascii[..written], out var v4))
            {
                address = FromV4(v4);
                return true;
            }

            address = default;
            return false;
        }

        if (IPAddress.TryParse(text, out var parsed))
        {
            address = parsed.AddressFamily == AddressFamily.InterNetworkV6 && parsed.IsIPv4MappedToIPv6
                ? FromIPAddress(parsed.MapToIPv4())
                : FromIPAddress(parsed);
            return true;
        }

        address = default;
        return false;
    }

    public static IpAddr Parse(string text) =>
        TryParse(text.AsSpan(), out var address) ? address : throw new FormatException($"not an IP address: '{text}'");

    private static bool TryParseV4(ReadOnlySpan<byte> utf8, out uint value)
    {
        value = 0;
        uint part = 0;
        var digits = 0;
        var dots = 0;
        foreach (var b in utf8)
        {
            if (b is >= (byte)'0' and <= (byte)'9')
            {
                part = (part * 10) + (uint)(b - '0');
                if (++digits > 3 || part > 255)
                {
                    return false;
                }
            }
            else if (b == '.' && digits > 0 && dots < 3)
            {
                value = (value << 8) | part;
                part = 0;
                digits = 0;
                dots++;
            }
            else
            {
                return false;
            }
        }

        if (dots != 3 || digits == 0)
        {
            return false;
        }

        value = (value << 8) | part;
        return true;
    }

    public void WriteBytes(Span<byte> destination16)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination16, Hi);
        BinaryPrimitives.WriteUInt64BigEndian(destination16[8..], Lo);
    }

    public IPAddress ToIPAddress()
    {
        if (IsV4)
        {
            return new IPAddress((long)BinaryPrimitives.ReverseEndianness((uint)Lo));
        }

        Span<byte> bytes = stackalloc byte[16];
        WriteBytes(bytes);
        return new IPAddress(bytes);
    }

    public override string ToString() => IsNone ? string.Empty : IsV4
        ? $"{(Lo >> 24) & 0xFF}.{(Lo >> 16) & 0xFF}.{(Lo >> 8) & 0xFF}.{Lo & 0xFF}"
        : ToIPAddress().ToString();

    public bool Equals(IpAddr other) => Hi == other.Hi && Lo == other.Lo;

    public override bool Equals(object? obj) => obj is IpAddr other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Hi, Lo);

    public int CompareTo(IpAddr other) => Hi != other.Hi ? Hi.CompareTo(other.Hi) : Lo.CompareTo(other.Lo);

    public static bool operator ==(IpAddr left, IpAddr right) => left.Equals(right);

    public static bool operator !=(IpAddr left, IpAddr right) => !left.Equals(right);

    public static bool operator <(IpAddr left, IpAddr right) => left.CompareTo(right) < 0;

    public static bool operator >(IpAddr left, IpAddr right) => left.CompareTo(right) > 0;

    public static bool operator <=(IpAddr left, IpAddr right) => left.CompareTo(right) <= 0;

    public static bool operator >=(IpAddr left, IpAddr right) => left.CompareTo(right) >= 0;
}
