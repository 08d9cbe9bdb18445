using System.Globalization;
using System.Xml;
using AutoShield.Manifests.Scanning;

namespace AutoShield.Manifests.Output;

/// <summary>
/// JUnit XML for CI dashboards: a test suite per input, a test case per object (failing when it has findings), and
/// an error case per input error.
/// </summary>
public sealed class JUnitReportWriter : IReportWriter
{
    public void Write(ScanReport report, TextWriter writer)
    {
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, CloseOutput = false };
        using (var xml = XmlWriter.Create(writer, settings))
        {
            var byFile = report.Findings.ToLookup(f => f.Source);
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "autoshield scan");
            xml.WriteAttributeString("tests", Count(report.Objects.Count + report.Errors.Count));
            xml.WriteAttributeString("failures", Count(report.Objects.Count(o => o.Findings > 0)));
            xml.WriteAttributeString("errors", Count(report.Errors.Count));
            foreach (var file in report.Files)
            {
                var objects = report.Objects.Where(o => o.Source == file.Source).ToList();
                var errors = report.Errors.Where(e => e.Source == file.Source).ToList();
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", Clean(file.Source));
                xml.WriteAttributeString("tests", Count(objects.Count + errors.Count));
                xml.WriteAttributeString("failures", Count(objects.Count(o => o.Findings > 0)));
                xml.WriteAttributeString("errors", Count(errors.Count));
                foreach (var obj in objects)
                {
                    xml.WriteStartElement("testcase");
                    xml.WriteAttributeString("classname", Clean(file.Source));
                    xml.WriteAttributeString("name", Clean(obj.Ref.ToString()));
                    var findings = byFile[file.Source].Where(f => f.Object == obj.Ref).ToList();
                    if (findings.Count > 0)
                    {
                        xml.WriteStartElement("failure");
                        xml.WriteAttributeString("message", $"{findings.Count} findings, score {obj.Score} ({obj.Grade})");
                        xml.WriteAttributeString("type", findings.Max(f => f.Severity).ToString().ToLowerInvariant());
                        xml.WriteString(Clean(string.Join('\n', findings.Select(f => $"{f.Source}:{f.Line}:{f.Column} {f.Severity.ToString().ToUpperInvariant()} {f.CheckId}: {f.Message}"))));
                        xml.WriteEndElement();
                    }

                    xml.WriteEndElement();
                }

                foreach (var error in errors)
                {
                    xml.WriteStartElement("testcase");
                    xml.WriteAttributeString("classname", Clean(file.Source));
                    xml.WriteAttributeString("name", $"read {file.Source}:{error.Line}:{error.Column}");
                    xml.WriteStartElement("error");
                    xml.WriteAttributeString("message", Clean(error.Message));
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        writer.WriteLine();
    }

    /// <summary>Manifest text can hold characters XML 1.0 cannot carry; they become U+FFFD instead of breaking the report.</summary>
    private static string Clean(string text) =>
        text.Any(c => !XmlConvert.IsXmlChar(c)) ? string.Concat(text.Select(c => XmlConvert.IsXmlChar(c) ? c : '\uFFFD')) : text;

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
