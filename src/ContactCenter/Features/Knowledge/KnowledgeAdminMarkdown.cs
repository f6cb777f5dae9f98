using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ContactCenter.Features.Knowledge;

/// <summary>
/// Article bodies are Markdown (the editor's toolbar writes it). Rendered on the server by Markdig with raw HTML disabled
/// (written HTML shows as text) and every link or image whose address is not http(s), mailto, tel or site-relative made
/// inert — so an article cannot carry script into the portal or the console.
/// </summary>
public static class KnowledgeAdminMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UsePipeTables()
        .Build();

    public static string ToHtml(string? markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url))
                link.Url = "#";
        }
        foreach (var link in document.Descendants<AutolinkInline>())
        {
            if (!IsSafe(link.Url))
                link.Url = "#";
        }
        return document.ToHtml(Pipeline);
    }

    /// <summary>The words without the markup: what search matches and what a text channel (SMS, Telegram) can carry.</summary>
    public static string ToPlainText(string? markdown) => Markdown.ToPlainText(markdown ?? "", Pipeline).Trim();

    public static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
            return true;
        var u = url.Trim();
        if (u.StartsWith('/') && !u.StartsWith("//", StringComparison.Ordinal) || u.StartsWith('#'))
            return true;
        return Uri.TryCreate(u, UriKind.Absolute, out var abs) && abs.Scheme is "http" or "https" or "mailto" or "tel";
    }
}
