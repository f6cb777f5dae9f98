using ContactCenter.Features.Notifications;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ContactCenter.Features.Email;

/// <summary>
/// Outbound e-mail over SMTP (MailKit). The Message-ID is derived from the outbox key, so a repeat after a crash
/// carries the same id and the receiving side can recognise it.
/// </summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options) : INotificationSender
{
    public NotificationChannel Channel => NotificationChannel.Email;
    public bool Configured => options.Value.Configured;

    public async Task SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        var o = options.Value;
        var mail = new MimeMessage();
        mail.From.Add(new MailboxAddress(o.FromName, o.From!));
        if (!MailboxAddress.TryParse(message.Recipient, out var to))
            throw new PermanentDeliveryException($"Not an e-mail address: {message.Recipient}");
        mail.To.Add(to);
        mail.Subject = message.Subject;
        var domain = o.From!.Split('@').Last();
        mail.MessageId = $"{message.Key:N}@{domain}";
        mail.Body = new TextPart("plain") { Text = message.Body };

        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(o.Host!, o.Port, Enum.Parse<SecureSocketOptions>(o.Security, true), ct);
        if (o.User is { Length: > 0 })
            await client.AuthenticateAsync(o.User, o.Password ?? "", ct);
        try
        {
            await client.SendAsync(mail, ct);
        }
        catch (SmtpCommandException e) when (e.ErrorCode is SmtpErrorCode.RecipientNotAccepted && (int)e.StatusCode >= 500)
        {
            throw new PermanentDeliveryException(e.Message, e);
        }
        await client.DisconnectAsync(true, ct);
    }
}
