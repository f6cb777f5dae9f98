namespace ContactCenter.Features.Consultations;

/// <summary>
/// A consultation (F1.8): the operator answered a caller's question on the spot, usually from a knowledge-base
/// article. It is logged for the reports, not registered as an appeal: who answered, when, the topic and category,
/// the article used, and the caller's phone if they gave it (an anonymous caller may be consulted too).
/// </summary>
public sealed class Consultation
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? OperatorUserId { get; set; }
    public required string OperatorName { get; set; }
    public required string Topic { get; set; }
    public string? CategoryCode { get; set; }
    public int? ArticleId { get; set; }
    /// <summary>E.164, or null for an anonymous caller.</summary>
    public string? CallerPhone { get; set; }
    /// <summary>The PBX's id of the call during which it was given, if any.</summary>
    public string? CallId { get; set; }
    /// <summary>The outage the caller asked about, if the consultation was about one.</summary>
    public long? OutageId { get; set; }
}
