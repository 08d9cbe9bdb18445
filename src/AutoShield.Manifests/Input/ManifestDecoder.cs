using System.Text;

namespace AutoShield.Manifests.Input;

/// <summary>
/// Bytes to text, refusing what is not text: NUL bytes and invalid UTF-8 mean a binary file, reported with the
/// offset of the first bad byte. UTF-16 with a byte-order mark is accepted because some Windows editors write it.
/// </summary>
internal static class ManifestDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text, out string error)
    {
        text = "";
        error = "";
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            var encoding = bytes[0] == 0xFF
                ? new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true)
                : new UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: true);
            return TryGetString(encoding, bytes[2..], out text, out error) && NoNul(text, out error);
        }

        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            bytes = bytes[3..];
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            error = $"binary input: NUL byte at offset {nul}; expected YAML or JSON text";
            return false;
        }

        return TryGetString(StrictUtf8, bytes, out text, out error);
    }

    private static bool TryGetString(Encoding encoding, ReadOnlySpan<byte> bytes, out string text, out string error)
    {
        try
        {
            text = encoding.GetString(bytes);
            error = "";
            return true;
        }
        catch (DecoderFallbackException ex)
        {
            text = "";
            error = $"binary input: invalid {encoding.WebName} byte sequence at offset {ex.Index}; expected YAML or JSON text";
            return false;
        }
    }

    private static bool NoNul(string text, out string error)
    {
        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        error = nul >= 0 ? $"binary input: NUL character at position {nul}; expected YAML or JSON text" : "";
        return nul < 0;
    }
}
