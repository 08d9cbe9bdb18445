using System.Security.Cryptography;

namespace AutoShield.Cli.Commands.Run;

/// <summary>
/// The API token: <c>AUTOSHIELD_API_TOKEN</c>, else the contents of <c>--api-token-file</c>; else one is generated
/// into the data directory (mode 0600) and reused by later runs. The token itself is never printed, only its file.
/// </summary>
internal static class ApiTokens
{
    public static (string Token, string Origin) Resolve(string? file, string dataDirectory, Func<string, string?> environment)
    {
        if (environment("AUTOSHIELD_API_TOKEN") is { Length: > 0 } fromEnvironment)
        {
            return (fromEnvironment.Trim(), "AUTOSHIELD_API_TOKEN");
        }

        if (file is not null)
        {
            var text = File.ReadAllText(file).Trim();
            if (text.Length < 16)
            {
                throw new InvalidDataException($"{file}: expected a token of at least 16 characters");
            }

            return (text, file);
        }

        var generated = Path.Combine(dataDirectory, "api-token");
        if (File.Exists(generated))
        {
            return (File.ReadAllText(generated).Trim(), generated);
        }

        Directory.CreateDirectory(dataDirectory);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Readable by its owner only, from the moment it exists.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(generated, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(token);
        }

        return (token, generated);
    }
}
