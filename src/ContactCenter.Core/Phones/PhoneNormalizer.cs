using PhoneNumbers;

namespace ContactCenter.Core.Phones;

/// <summary>Normalises phone numbers to E.164 with Ukraine as the default region, so that
/// <c>0501234567</c>, <c>+380 50 123 45 67</c> and <c>380501234567</c> are one caller.</summary>
public static class PhoneNormalizer
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>Returns the E.164 form, or null when the input is not a valid number.</summary>
    public static string? TryNormalize(string? input, string defaultRegion = "UA")
    {
        if (string.IsNullOrWhiteSpace(input))
            return null;
        var text = input.Trim();
        // "380501234567" without a plus is a common way to write an international number here;
        // libphonenumber would read it as a national number and reject it.
        if (text.StartsWith("380", StringComparison.Ordinal) && text.Count(char.IsDigit) == 12)
            text = "+" + text;
        try
        {
            var parsed = Util.Parse(text, defaultRegion);
            return Util.IsValidNumber(parsed) ? Util.Format(parsed, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
