using AutoShield.Manifests.Yaml;
using AutoShield.Policy.Conditions;

namespace AutoShield.Manifests.Custom;

/// <summary>
/// Maps a condition error's position inside the condition text to the config file: exact for a condition on one
/// line (plain or quoted) and for a literal block (<c>|</c>); otherwise the condition's own position.
/// </summary>
internal static class ConditionPosition
{
    public static (int Line, int Column) InFile(string[] lines, ManifestNode node, ConditionError error)
    {
        var start = node.Line - 1 < lines.Length && node.Line >= 1 ? lines[node.Line - 1] : "";
        var first = node.Column - 1 < start.Length && node.Column >= 1 ? start[node.Column - 1] : ' ';
        if (first is '|' or '>')
        {
            var lineIndex = node.Line - 1 + error.Line;
            if (first == '>' || lineIndex >= lines.Length)
            {
                return (node.Line, node.Column);
            }

            // The block's indentation is its first line's; deeper lines keep their extra spaces in the condition text.
            var firstLine = lines[node.Line];
            var indent = firstLine.Length - firstLine.TrimStart(' ').Length;
            return (lineIndex + 1, indent + error.Column);
        }

        if (error.Line > 1)
        {
            return (node.Line, node.Column);
        }

        var quote = first is '"' or '\'' ? 1 : 0;
        return (node.Line, node.Column + quote + error.Column - 1);
    }
}
