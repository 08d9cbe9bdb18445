using System.Text;

namespace AutoShield.Manifests.Input;

/// <summary>One input to scan: a name to report findings against (file path, "&lt;stdin&gt;", an upload's name) and its bytes.</summary>
public sealed record ManifestInput(string Source, ReadOnlyMemory<byte> Content)
{
    public static ManifestInput FromText(string source, string text) => new(source, Encoding.UTF8.GetBytes(text));

    /// <summary>Reads a file; a file over <paramref name="maxBytes"/> is cut there and then rejected by the scanner.</summary>
    public static ManifestInput FromFile(string path, long maxBytes = long.MaxValue)
    {
        using var stream = File.OpenRead(path);
        return FromStream(path, stream, maxBytes);
    }

    /// <summary>
    /// Reads a stream (stdin, an upload) up to one byte past <paramref name="maxBytes"/>, so an oversized input is
    /// detected without reading all of it.
    /// </summary>
    public static ManifestInput FromStream(string source, Stream stream, long maxBytes = long.MaxValue)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while (total <= maxBytes && (read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            total += read;
        }

        return new ManifestInput(source, buffer.ToArray());
    }
}
