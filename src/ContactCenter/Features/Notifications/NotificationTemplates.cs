using System.Globalization;
using ContactCenter.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Notifications;

/// <summary>
/// The message texts. The defaults live here; an administrator's edit is a row in <c>notification_templates</c>
/// that overrides its kind. Placeholders: <c>{number}</c>, <c>{details}</c>, <c>{dueAt}</c> (Kyiv date).
/// </summary>
public static class NotificationTemplates
{
    public static readonly IReadOnlyDictionary<NotificationKind, (string Subject, string Body)> Defaults = new Dictionary<NotificationKind, (string, string)>
    {
        [NotificationKind.Registered] = ("Звернення {number} зареєстровано",
            "Ваше звернення зареєстровано за № {number}. За цим номером можна дізнатися, як воно розглядається."),
        [NotificationKind.Forwarded] = ("Звернення {number} передано на розгляд",
            "Ваше звернення № {number} передано на розгляд: {details}."),
        [NotificationKind.Extended] = ("Строк розгляду звернення {number} продовжено",
            "Строк розгляду вашого звернення № {number} продовжено до {dueAt}. Причина: {details}"),
        [NotificationKind.Result] = ("Результат розгляду звернення {number}",
            "За вашим зверненням № {number} виконавець повідомив результат: {details}\n\nЧи вирішено ваше питання? Оцініть, будь ласка, від 1 до 5 і дайте відповідь на це повідомлення, у чат-боті або на порталі."),
        [NotificationKind.Survey] = ("Оцініть результат розгляду звернення {number}",
            "Чи вирішено питання за вашим зверненням № {number}? Будь ласка, підтвердьте виконання й оцініть його від 1 до 5 за посиланням: {details}"),
        [NotificationKind.Returned] = ("Звернення {number} повернуто заявнику",
            "Ваше звернення № {number} повернуто без розгляду, бо в ньому бракує даних, яких вимагає стаття 5 Закону України «Про звернення громадян»: {details}\n\nВи можете подати звернення знову, доповнивши його."),
    };

    public static readonly string[] Placeholders = ["{number}", "{details}", "{dueAt}"];

    private static readonly TimeZoneInfo Kyiv = TimeZoneInfo.FindSystemTimeZoneById("Europe/Kyiv");

    public static async Task<Dictionary<NotificationKind, (string Subject, string Body)>> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        var result = Defaults.ToDictionary(kv => kv.Key, kv => kv.Value);
        foreach (var t in await db.Set<NotificationTemplate>().AsNoTracking().ToListAsync(ct))
            result[t.Kind] = (t.Subject, t.Body);
        return result;
    }

    public static (string Subject, string Body) Render((string Subject, string Body) template, Notification n)
    {
        var due = n.DueAt is { } d ? TimeZoneInfo.ConvertTime(d, Kyiv).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) : "";
        string Fill(string s) => s.Replace("{number}", n.RegistrationNumber).Replace("{details}", n.Details ?? "").Replace("{dueAt}", due);
        return (Fill(template.Subject), Fill(template.Body));
    }
}
