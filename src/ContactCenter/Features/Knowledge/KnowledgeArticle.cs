namespace ContactCenter.Features.Knowledge;

/// <summary>
/// An article of the knowledge base («база знань»): operators answer consultations from it, and the public ones are
/// the portal's «Питання-відповідь». Kept simple; the staff editor is built elsewhere.
/// </summary>
public sealed class KnowledgeArticle
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    /// <summary>Category code the article belongs to, if any.</summary>
    public string? CategoryCode { get; set; }
    /// <summary>Shown on the portal.</summary>
    public bool IsPublic { get; set; }
    /// <summary>Lower-cased title and body, for search on both databases.</summary>
    public string SearchText { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }

    public static string SearchTextOf(string title, string body) => (title + "\n" + body).ToLowerInvariant();
}
