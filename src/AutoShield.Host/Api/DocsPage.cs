using System.Net;
using System.Text;

namespace AutoShield.Host.Api;

/// <summary>/docs: the API reference as a page people read (the machine-readable document is /openapi.json).</summary>
internal static class DocsPage
{
    public static string Render(IReadOnlyList<ApiRoute> routes, string version)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>AutoShield API</title><style>")
            .Append("body{font:14px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:960px;color:#1b1f24}code{background:#f2f4f7;padding:1px 4px;border-radius:3px}")
            .Append(".op{border:1px solid #d0d7de;border-radius:6px;margin:.8rem 0;padding:.6rem .9rem}.m{font-weight:700;display:inline-block;width:4rem}")
            .Append(".GET{color:#0969da}.POST{color:#1a7f37}.lock{color:#9a6700;font-size:12px;margin-left:.5rem}td{padding:2px 8px;vertical-align:top}")
            .Append("</style></head><body>")
            .Append("<h1>AutoShield API <small>").Append(WebUtility.HtmlEncode(version)).Append("</small></h1>")
            .Append("<p>OpenAPI 3.0 document: <a href=\"/openapi.json\">/openapi.json</a>. GET endpoints are open; every POST needs ")
            .Append("<code>Authorization: Bearer &lt;token&gt;</code> (the token is in the file <code>autoshield run</code> names at start, or <code>AUTOSHIELD_API_TOKEN</code>). ")
            .Append("JSON uses snake_case; errors come back as <code>{\"error\": \"...\"}</code>.</p>");
        foreach (var group in routes.GroupBy(r => r.Tag, StringComparer.Ordinal))
        {
            html.Append("<h2>").Append(WebUtility.HtmlEncode(group.Key)).Append("</h2>");
            foreach (var route in group)
            {
                html.Append("<div class=\"op\"><span class=\"m ").Append(route.Method).Append("\">").Append(route.Method).Append("</span><code>")
                    .Append(WebUtility.HtmlEncode(route.Path)).Append("</code>");
                if (route.Mutating)
                {
                    html.Append("<span class=\"lock\">requires token</span>");
                }

                html.Append("<p>").Append(WebUtility.HtmlEncode(route.Summary)).Append("</p>");
                Table(html, "Query", route.Query);
                Table(html, "Body", route.Body);
                html.Append("</div>");
            }
        }

        return html.Append("</body></html>").ToString();
    }

    private static void Table(StringBuilder html, string title, IReadOnlyDictionary<string, string> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        html.Append("<table><tr><td colspan=2><b>").Append(title).Append("</b></td></tr>");
        foreach (var (name, description) in rows)
        {
            html.Append("<tr><td><code>").Append(WebUtility.HtmlEncode(name)).Append("</code></td><td>").Append(WebUtility.HtmlEncode(description)).Append("</td></tr>");
        }

        html.Append("</table>");
    }
}
