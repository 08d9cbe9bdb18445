using System.Buffers.Binary;
using System.Numerics;
using AutoShield.Core.Flows;

namespace AutoShield.Ingestion.Hubble;

/// <summary>
/// Remembers parsed endpoints by the exact bytes of their JSON object. Most of a Hubble line is its two endpoints
/// (labels above all) and a cluster has few distinct ones, so a hit turns that work into a hash and a compare.
/// A line can be matched before the object's end is known: a second table maps a hash of an object's first
/// <see cref="PrefixBytes"/> bytes to the lengths of cached objects starting that way ("shapes"), and JSON objects
/// delimit themselves, so equal bytes over a cached length are that whole object. Bounded in entries and key size;
/// when full it starts afresh. Not thread-safe.
/// </summary>
internal sealed class HubbleEndpointCache
{
    /// <summary>Bytes hashed to find a shape; long enough that most distinct endpoints differ within them.</summary>
    public const int PrefixBytes = 64;

    /// <summary>Objects longer than this are parsed every time rather than held.</summary>
    public const int MaxKeyBytes = 4_096;

    // Replicas of one workload seen from another node can share a prefix and a length; past this many candidate
    // lengths per prefix the caller parses instead, so hostile input cannot make a lookup long.
    private const int MaxShapesTried = 8;

    private const int Several = -1;
    private const ulong Prime1 = 0x9E3779B185EBCA87UL;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;

    private readonly int _capacity;
    private readonly Entry[] _entries;
    private readonly Shape[] _shapes;
    private int _count;

    public HubbleEndpointCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 16);
        _capacity = capacity;
        var size = 16;
        while (size < capacity * 2)
        {
            size <<= 1;
        }

        _entries = new Entry[size];
        _shapes = new Shape[size];
    }

    public int Count => _count;

    /// <summary>Finds a cached object that <paramref name="text"/> starts with; <paramref name="length"/> is its length.</summary>
    public bool TryMatchStart(ReadOnlySpan<byte> text, out FlowEndpoint endpoint, out int length)
    {
        endpoint = default;
        length = 0;
        if (text.Length < PrefixBytes)
        {
            return false;
        }

        var prefixHash = Hash(text[..PrefixBytes]);
        var mask = _shapes.Length - 1;
        var tried = 0;
        for (var i = (int)prefixHash & mask; _shapes[i].Length != 0; i = (i + 1) & mask)
        {
            ref readonly var shape = ref _shapes[i];
            if (shape.PrefixHash != prefixHash || shape.Length > text.Length || text[shape.Length - 1] != '}')
            {
                continue;
            }

            if (++tried > MaxShapesTried)
            {
                return false;
            }

            var found = shape.Entry != Several
                ? text.StartsWith(_entries[shape.Entry].Json) ? shape.Entry : Several
                : Find(text[..shape.Length]);
            if (found != Several)
            {
                endpoint = _entries[found].Endpoint;
                length = shape.Length;
                return true;
            }
        }

        return false;
    }

    /// <summary>Finds the entry for exactly this object.</summary>
    public bool TryGet(ReadOnlySpan<byte> json, out FlowEndpoint endpoint)
    {
        var found = Find(json);
        endpoint = found == Several ? default : _entries[found].Endpoint;
        return found != Several;
    }

    /// <summary>Holds an object not yet cached (the caller has just missed with <see cref="TryGet"/>).</summary>
    public void Add(ReadOnlySpan<byte> json, in FlowEndpoint endpoint)
    {
        if (json.Length > MaxKeyBytes)
        {
            return;
        }

        if (_count >= _capacity)
        {
            Array.Clear(_entries);
            Array.Clear(_shapes);
            _count = 0;
        }

        var hash = Hash(json);
        var mask = _entries.Length - 1;
        var index = (int)hash & mask;
        while (_entries[index].Json is not null)
        {
            index = (index + 1) & mask;
        }

        _entries[index] = new Entry(hash, json.ToArray(), endpoint);
        _count++;
        if (json.Length >= PrefixBytes)
        {
            AddShape(Hash(json[..PrefixBytes]), json.Length, index);
        }
    }

    private void AddShape(ulong prefixHash, int length, int entry)
    {
        var mask = _shapes.Length - 1;
        var i = (int)prefixHash & mask;
        for (; _shapes[i].Length != 0; i = (i + 1) & mask)
        {
            if (_shapes[i].PrefixHash == prefixHash && _shapes[i].Length == length)
            {
                // A second object with this prefix and length: lookups must now hash the whole candidate.
                _shapes[i] = _shapes[i] with { Entry = Several };
                return;
            }
        }

        _shapes[i] = new Shape(prefixHash, length, entry);
    }

    private int Find(ReadOnlySpan<byte> json)
    {
        var hash = Hash(json);
        var mask = _entries.Length - 1;
        for (var i = (int)hash & mask; _entries[i].Json is { } key; i = (i + 1) & mask)
        {
            if (_entries[i].Hash == hash && key.AsSpan().SequenceEqual(json))
            {
                return i;
            }
        }

        return Several;
    }

    /// <summary>A 64-bit hash, eight bytes at a time on two lanes so the multiplies overlap.</summary>
    private static ulong Hash(ReadOnlySpan<byte> data)
    {
        var a = Prime1 ^ (ulong)data.Length;
        var b = Prime2;
        var i = 0;
        for (; i + 16 <= data.Length; i += 16)
        {
            a = Round(a, BinaryPrimitives.ReadUInt64LittleEndian(data[i..]));
            b = Round(b, BinaryPrimitives.ReadUInt64LittleEndian(data[(i + 8)..]));
        }

        if (i < data.Length)
        {
            if (data.Length >= 16)
            {
                // The last 16 bytes, overlapping what the loop saw, cover the tail without a byte loop.
                a = Round(a, BinaryPrimitives.ReadUInt64LittleEndian(data[^16..]));
                b = Round(b, BinaryPrimitives.ReadUInt64LittleEndian(data[^8..]));
            }
            else
            {
                for (; i < data.Length; i++)
                {
                    a = Round(a, data[i]);
                }
            }
        }

        var hash = a ^ BitOperations.RotateLeft(b, 27);
        hash ^= hash >> 33;
        hash *= Prime2;
        hash ^= hash >> 29;
        return hash;
    }

    private static ulong Round(ulong lane, ulong input) => BitOperations.RotateLeft(lane ^ (input * Prime2), 31) * Prime1;

    private readonly record struct Entry(ulong Hash, byte[] Json, FlowEndpoint Endpoint);

    /// <summary>Cached objects of one length starting with one prefix: the entry if just one, else <see cref="Several"/>.</summary>
    private readonly record struct Shape(ulong PrefixHash, int Length, int Entry);
}
