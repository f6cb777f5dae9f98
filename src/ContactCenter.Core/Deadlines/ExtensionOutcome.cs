namespace ContactCenter.Core.Deadlines;

/// <summary>
/// The answer to an extension request: the new deadline when allowed, or a refusal code
/// (<see cref="TooLong"/>, <see cref="PastLegalLimit"/>, <see cref="NotPositive"/>) naming the cap that was hit.
/// </summary>
public sealed record ExtensionOutcome(bool Allowed, DateTimeOffset? NewDue, string? Refusal)
{
    /// <summary>The extensions would total more than 15 working days (000 §4.4).</summary>
    public const string TooLong = "extension.tooLong";

    /// <summary>The new deadline would fall after 45 days from receipt (Law «Про звернення громадян», Art. 20).</summary>
    public const string PastLegalLimit = "extension.pastLegalLimit";

    /// <summary>The requested extension is zero or negative.</summary>
    public const string NotPositive = "extension.notPositive";

    /// <summary>The refusal in Ukrainian, for the head and the applicant; null when allowed.</summary>
    public string? RefusalUk => Refusal switch
    {
        null => null,
        TooLong => "Загальний строк продовження розгляду не може перевищувати 15 робочих днів.",
        PastLegalLimit => "Загальний строк розгляду звернення не може перевищувати 45 днів від дня його надходження (ст. 20 Закону України «Про звернення громадян»).",
        NotPositive => "Строк продовження має бути не менше одного робочого дня.",
        _ => "Продовження строку розгляду неможливе.",
    };

    /// <summary>An allowed extension with its new deadline.</summary>
    public static ExtensionOutcome Granted(DateTimeOffset newDue) => new(true, newDue, null);

    /// <summary>A refused extension with the code of the cap that was hit.</summary>
    public static ExtensionOutcome Refused(string refusal) => new(false, null, refusal);
}
