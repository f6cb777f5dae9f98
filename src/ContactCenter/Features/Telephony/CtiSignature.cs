using System.Security.Cryptography;
using System.Text;

namespace ContactCenter.Features.Telephony;

/// <summary>HMAC-SHA256 of the raw body with the shared secret, hex, optionally prefixed <c>sha256=</c>.</summary>
public static class CtiSignature
{
    public const string Header = "X-Signature";

    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
            return false;
        var hex = header.Trim();
        if (hex.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase))
            hex = hex[7..];
        byte[] given;
        try
        {
            given = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return false;
        }
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
