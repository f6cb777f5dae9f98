using System.Globalization;
using ClosedXML.Excel;
using ContactCenter.Core.Appeals;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Audit;
using ContactCenter.Features.Calendar;
using ContactCenter.Features.Identity;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.UnifiedSystem;

/// <summary>
/// One card as the Unified System takes it back (F2.7): our status, the answer (date and text), the outgoing number
/// (our registration number: the answer is registered under it), the result and the applicant's feedback.
/// </summary>
public sealed record UnifiedExportRow(
    string ExternalNumber, string RegistrationNumber, AppealStatus Status, string StatusText,
    DateTimeOffset? AnswerAt, string? AnswerText, string OutgoingNumber, string? Result, string? ResultText,
    bool? FeedbackConfirmed, int? FeedbackRating, string? FeedbackComment, DateTimeOffset? DueAt, DateTimeOffset UpdatedAt);

public sealed record UnifiedExportQuery(DateTimeOffset? From, DateTimeOffset? To, DateTimeOffset? ChangedSince, int? Limit);

/// <summary>Exports the state of appeals that came from the Unified System: as JSON rows and as an XLSX sheet.</summary>
public sealed class UnifiedExport(AppDbContext db, AuditLog audit, CalendarService calendar)
{
    public const int MaxRows = 50_000;

    public static bool MayExport(Actor actor) =>
        actor.Role is Roles.Operator or Roles.Supervisor or Roles.Administrator or Roles.Integration or Roles.Leadership;

    public async Task<IReadOnlyList<UnifiedExportRow>> RowsAsync(UnifiedExportQuery query, Actor actor, CancellationToken ct)
    {
        if (!MayExport(actor))
            throw new ForbiddenException(Text.Get("error.forbidden"));
        if (query.From is { } f && query.To is { } t && t < f)
            throw AppValidationException.For("to", Text.Get("unified.export.period"));
        var q = db.Appeals.AsNoTracking().Where(a => a.Channel == Channel.UnifiedSystem && a.ExternalId != null);
        if (query.From is { } from)
            q = q.Where(a => a.ReceivedAt >= from);
        if (query.To is { } to)
            q = q.Where(a => a.ReceivedAt < to);
        if (query.ChangedSince is { } since)
            q = q.Where(a => a.UpdatedAt >= since);
        var appeals = await q.OrderBy(a => a.UpdatedAt).ThenBy(a => a.Id).Take(Math.Clamp(query.Limit ?? 5000, 1, MaxRows))
            .Include(a => a.Questions).AsSplitQuery().ToListAsync(ct);
        await audit.RecordReadAsync(actor, "unifiedSystem", null, $"export rows={appeals.Count}", ct);
        return appeals.Select(ToRow).ToList();
    }

    private static UnifiedExportRow ToRow(Appeal a)
    {
        var questions = a.Questions.OrderBy(q => q.Number).ToList();
        var answered = questions.Where(q => q.ResultAt is not null).ToList();
        var many = questions.Count > 1;
        var answer = answered.Count == 0 ? null
            : string.Join("\n", answered.Where(q => q.ResultText is { Length: > 0 }).Select(q => many ? $"{q.Number}. {q.ResultText}" : q.ResultText));
        var codes = answered.Where(q => q.ResultCode is not null).Select(q => q.ResultCode!.Value).Distinct().ToList();
        var verified = questions.Where(q => q.VerifiedAt is not null).OrderByDescending(q => q.VerifiedAt).FirstOrDefault();
        var external = a.ExternalId!.StartsWith(UnifiedSystemModel.ExternalIdPrefix, StringComparison.Ordinal)
            ? a.ExternalId[UnifiedSystemModel.ExternalIdPrefix.Length..] : a.ExternalId;
        return new UnifiedExportRow(
            external, a.RegistrationNumber, a.Status, Text.Status(a.Status),
            answered.Count == 0 ? null : answered.Max(q => q.ResultAt), answer is { Length: > 0 } ? answer : null, a.RegistrationNumber,
            codes.Count == 0 ? null : string.Join(",", codes.Select(QueryEnum.Name)),
            codes.Count == 0 ? null : string.Join(", ", codes.Select(c => Console.T.Enum(c))),
            verified?.VerificationConfirmed, verified?.VerificationRating, verified?.VerificationComment, a.DueAt, a.UpdatedAt);
    }

    /// <summary>The same rows as an XLSX workbook (one sheet «Експорт», Ukrainian headers, Kyiv local times).</summary>
    public byte[] ToXlsx(IReadOnlyList<UnifiedExportRow> rows)
    {
        var zone = calendar.TimeZone;
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add("Експорт");
        string[] headers = ["№ звернення", "Реєстраційний номер", "Статус", "Дата відповіді", "Текст відповіді", "Вихідний номер",
            "Результат", "Відгук заявника", "Оцінка", "Коментар заявника", "Термін", "Змінено"];
        for (var i = 0; i < headers.Length; i++)
        {
            sheet.Cell(1, i + 1).Value = headers[i];
            sheet.Cell(1, i + 1).Style.Font.Bold = true;
        }
        var r = 2;
        foreach (var row in rows)
        {
            sheet.Cell(r, 1).SetValue(row.ExternalNumber);
            sheet.Cell(r, 2).SetValue(row.RegistrationNumber);
            sheet.Cell(r, 3).SetValue(row.StatusText);
            SetDate(sheet.Cell(r, 4), row.AnswerAt, zone);
            sheet.Cell(r, 5).SetValue(row.AnswerText ?? "");
            sheet.Cell(r, 6).SetValue(row.OutgoingNumber);
            sheet.Cell(r, 7).SetValue(row.ResultText ?? "");
            sheet.Cell(r, 8).SetValue(row.FeedbackConfirmed switch { true => "підтверджено", false => "не підтверджено", null => "" });
            if (row.FeedbackRating is { } rating)
                sheet.Cell(r, 9).SetValue(rating);
            sheet.Cell(r, 10).SetValue(row.FeedbackComment ?? "");
            SetDate(sheet.Cell(r, 11), row.DueAt, zone);
            SetDate(sheet.Cell(r, 12), row.UpdatedAt, zone);
            r++;
        }
        double[] widths = [18, 18, 22, 17, 60, 18, 22, 18, 8, 40, 17, 17];
        for (var i = 0; i < widths.Length; i++)
            sheet.Column(i + 1).Width = widths[i];
        sheet.Column(5).Style.Alignment.WrapText = true;
        sheet.SheetView.FreezeRows(1);
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    private static void SetDate(IXLCell cell, DateTimeOffset? at, TimeZoneInfo zone)
    {
        if (at is not { } a)
            return;
        cell.SetValue(TimeZoneInfo.ConvertTime(a, zone).DateTime);
        cell.Style.DateFormat.Format = "dd.MM.yyyy HH:mm";
    }

    public static string FileName(DateTimeOffset now) => $"unified-system-export-{now.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}.xlsx";
}
