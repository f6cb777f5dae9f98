using System.Globalization;
using System.Text;

namespace ContactCenter.Core.Numbering;

/// <summary>
/// A registration number format such as <c>{yy}-{seq:5}</c>: tokens <c>{yyyy}</c>, <c>{yy}</c>, <c>{mm}</c>
/// and <c>{seq}</c> / <c>{seq:N}</c> (zero-padded to at least N digits); everything else is literal.
/// The counter restarts for every distinct value of the date tokens (the <see cref="CounterKey"/>).
/// </summary>
public sealed class RegistrationNumberFormat
{
    private readonly List<(string? Literal, string? Token, int Width)> _parts = [];

    public RegistrationNumberFormat(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        Pattern = pattern;
        var literal = new StringBuilder();
        var hasSeq = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] != '{')
            {
                literal.Append(pattern[i]);
                continue;
            }
            var end = pattern.IndexOf('}', i);
            if (end < 0)
                throw new FormatException($"Unclosed token in registration number format '{pattern}'.");
            if (literal.Length > 0)
            {
                _parts.Add((literal.ToString(), null, 0));
                literal.Clear();
            }
            var token = pattern[(i + 1)..end];
            var width = 0;
            var colon = token.IndexOf(':');
            if (colon >= 0)
            {
                width = int.Parse(token[(colon + 1)..], CultureInfo.InvariantCulture);
                token = token[..colon];
            }
            if (token is not ("yyyy" or "yy" or "mm" or "seq"))
                throw new FormatException($"Unknown token '{{{token}}}' in registration number format '{pattern}'.");
            hasSeq |= token == "seq";
            _parts.Add((null, token, width));
            i = end;
        }
        if (literal.Length > 0)
            _parts.Add((literal.ToString(), null, 0));
        if (!hasSeq)
            throw new FormatException($"Registration number format '{pattern}' has no {{seq}} token.");
    }

    public string Pattern { get; }

    /// <summary>The counter that numbers on this date draw from: one per year when the format shows the year, etc.</summary>
    public string CounterKey(DateOnly localDate)
    {
        var key = new StringBuilder("appeal");
        foreach (var (_, token, _) in _parts)
        {
            if (token == "yyyy" || token == "yy")
                key.Append(':').Append(localDate.Year.ToString(CultureInfo.InvariantCulture));
            else if (token == "mm")
                key.Append(':').Append(localDate.Month.ToString("00", CultureInfo.InvariantCulture));
        }
        return key.ToString();
    }

    public string Format(DateOnly localDate, long sequence)
    {
        var sb = new StringBuilder();
        foreach (var (literal, token, width) in _parts)
        {
            sb.Append(token switch
            {
                null => literal,
                "yyyy" => localDate.Year.ToString("0000", CultureInfo.InvariantCulture),
                "yy" => (localDate.Year % 100).ToString("00", CultureInfo.InvariantCulture),
                "mm" => localDate.Month.ToString("00", CultureInfo.InvariantCulture),
                _ => sequence.ToString(new string('0', Math.Max(1, width)), CultureInfo.InvariantCulture),
            });
        }
        return sb.ToString();
    }
}
