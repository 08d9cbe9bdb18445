using System.Text.Json;
using AutoShield.Core.Json;

namespace AutoShield.Cli.Infrastructure;

/// <summary>The one JSON style of the command line (<see cref="SnakeCaseJson"/>), one document per line.</summary>
public static class CliJson
{
    public static readonly JsonSerializerOptions Options = SnakeCaseJson.Options;

    public static void Write<T>(TextWriter writer, T value) => writer.WriteLine(JsonSerializer.Serialize(value, Options));
}
