using System.Text.Json;

namespace AutoShield.Ingestion.Tetragon;

/// <summary>Reads a <c>KprobeArgument</c>: an object with one key naming its kind, and optionally a <c>label</c>.</summary>
internal static class TetragonArgumentParser
{
    public static IReadOnlyList<TetragonArgument> ParseList(JsonFieldReader f, JsonElement owner, string parent, string name)
    {
        if (f.Array(owner, parent, name) is not { } array)
        {
            return [];
        }

        var list = new List<TetragonArgument>(array.GetArrayLength());
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"{JsonFieldReader.Join(parent, name)}[{index++}]";
            if (Read(f, item, path) is { } argument)
            {
                list.Add(argument);
            }
        }

        return list;
    }

    public static TetragonArgument? Parse(JsonFieldReader f, JsonElement owner, string parent, string name) =>
        JsonFieldReader.TryGet(owner, name, out var value) ? Read(f, value, JsonFieldReader.Join(parent, name)) : null;

    private static TetragonArgument? Read(JsonFieldReader f, JsonElement arg, string path)
    {
        if (arg.ValueKind != JsonValueKind.Object)
        {
            f.Fail(path, $"expected an argument object such as {{\"int_arg\":1}}, found {arg.ValueKind}");
            return null;
        }

        string? kind = null;
        foreach (var property in arg.EnumerateObject())
        {
            if (!property.NameEquals("label"))
            {
                kind = property.Name;
                break;
            }
        }

        var argument = ReadKind(f, arg, path, kind ?? string.Empty);
        var label = f.String(arg, path, "label");
        return argument is null || label is null ? argument : argument with { Label = label };
    }

    private static TetragonArgument? ReadKind(JsonFieldReader f, JsonElement arg, string path, string kind) => kind switch
    {
        "int_arg" => f.Int32(arg, path, kind) is { } v ? new IntArgument(v) : null,
        "uint_arg" => f.UInt32(arg, path, kind) is { } v ? new UintArgument(v) : null,
        "size_arg" => f.UInt64(arg, path, kind) is { } v ? new SizeArgument(v) : null,
        "long_arg" => f.Int64(arg, path, kind) is { } v ? new LongArgument(v) : null,
        "string_arg" => f.String(arg, path, kind) is { } v ? new StringArgument(v) : null,
        "bytes_arg" => f.Base64Length(arg, path, kind) is { } v ? new BytesArgument(v) : null,
        "truncated_bytes_arg" => WithObject(f, arg, path, kind, (o, p) => new TruncatedBytesArgument(
            f.Base64Length(o, p, "bytes_arg") ?? 0, f.UInt64(o, p, "orig_size") ?? 0)),
        "file_arg" or "path_arg" => WithObject(f, arg, path, kind, (o, p) => new FileArgument
        {
            IsPath = kind == "path_arg",
            Mount = f.String(o, p, "mount"),
            Path = f.String(o, p, "path"),
            Flags = f.String(o, p, "flags"),
            Permission = f.String(o, p, "permission"),
        }),
        "sock_arg" => WithObject(f, arg, path, kind, (o, p) => new SockArgument
        {
            Family = f.String(o, p, "family"),
            Type = f.String(o, p, "type"),
            Protocol = f.String(o, p, "protocol"),
            Saddr = f.Ip(o, p, "saddr"),
            Daddr = f.Ip(o, p, "daddr"),
            Sport = f.Port(o, p, "sport") ?? 0,
            Dport = f.Port(o, p, "dport") ?? 0,
            Cookie = f.UInt64(o, p, "cookie") ?? 0,
            State = f.String(o, p, "state"),
        }),
        "skb_arg" => WithObject(f, arg, path, kind, (o, p) => new SkbArgument
        {
            Hash = f.UInt32(o, p, "hash") ?? 0,
            Len = f.UInt32(o, p, "len") ?? 0,
            Saddr = f.Ip(o, p, "saddr"),
            Daddr = f.Ip(o, p, "daddr"),
            Sport = f.Port(o, p, "sport") ?? 0,
            Dport = f.Port(o, p, "dport") ?? 0,
            Proto = f.UInt32(o, p, "proto") ?? 0,
            Family = f.String(o, p, "family"),
        }),
        "sockaddr_arg" => WithObject(f, arg, path, kind, (o, p) => new SockaddrArgument
        {
            Family = f.String(o, p, "family"),
            Addr = f.Ip(o, p, "addr"),
            Port = f.Port(o, p, "port") ?? 0,
        }),
        "cred_arg" => WithObject(f, arg, path, kind, (o, p) => new CredArgument
        {
            Uid = f.UInt32(o, p, "uid"),
            Gid = f.UInt32(o, p, "gid"),
            Euid = f.UInt32(o, p, "euid"),
            Egid = f.UInt32(o, p, "egid"),
            // Newer exports nest the sets under "caps"; older ones put them directly in the argument.
            Capabilities = JsonFieldReader.TryGet(o, "caps", out _)
                ? TetragonProcessParser.ParseCapabilities(f, o, p, "caps")
                : new TetragonCapabilities
                {
                    Permitted = f.Strings(o, p, "permitted"),
                    Effective = f.Strings(o, p, "effective"),
                    Inheritable = f.Strings(o, p, "inheritable"),
                },
        }),
        "capability_arg" => WithObject(f, arg, path, kind, (o, p) =>
            new CapabilityArgument(f.UInt32(o, p, "value"), f.EnumName(o, p, "name"))),
        _ => new UnknownArgument(kind),
    };

    private static TetragonArgument? WithObject(
        JsonFieldReader f, JsonElement arg, string path, string kind, Func<JsonElement, string, TetragonArgument> read)
    {
        // A null value reads as absent, like every other field.
        if (!JsonFieldReader.TryGet(arg, kind, out _))
        {
            return null;
        }

        return f.Object(arg, path, kind) is { } o ? read(o, JsonFieldReader.Join(path, kind)) : null;
    }
}
