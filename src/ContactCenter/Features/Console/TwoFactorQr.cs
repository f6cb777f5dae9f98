using QRCoder;

namespace ContactCenter.Features.Console;

/// <summary>The otpauth:// URI an authenticator app reads, as a PNG data URI of its QR code.</summary>
public static class TwoFactorQr
{
    public const string Issuer = "ContactCenter";

    public static string Uri(string account, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(account)}?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&digits=6";

    public static string DataUri(string account, string key)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Uri(account, key), QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
