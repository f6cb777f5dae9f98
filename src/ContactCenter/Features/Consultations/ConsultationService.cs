using ContactCenter.Core.Phones;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Audit;
using ContactCenter.Features.Categories;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Consultations;

public sealed record ConsultationInput(string? Topic, string? CategoryCode, int? ArticleId, string? CallerPhone, string? CallId, long? OutageId);

public sealed record ConsultationView(long Id, DateTimeOffset At, string OperatorName, string Topic, string? CategoryCode, int? ArticleId,
    string? ArticleTitle, string? CallerPhone, string? CallId, long? OutageId);

/// <summary>Logs and lists consultations (F1.8). Operators, supervisors and administrators.</summary>
public sealed class ConsultationService(AppDbContext db, CategoryDirectory categories, Calendar.CalendarService calendar, AuditLog audit, TimeProvider time)
{
    public const int MaxTopic = 500;
    public const int MaxPageSize = 200;

    public async Task<ConsultationView> LogAsync(ConsultationInput input, Actor actor, CancellationToken ct)
    {
        Ensure(actor);
        var errors = new ValidationErrors();
        var topic = input.Topic?.Trim();
        if (string.IsNullOrEmpty(topic))
            errors.Add("topic", Text.Get("field.required"));
        else if (topic.Length > MaxTopic)
            errors.Add("topic", Text.Get("consultation.topicLength", MaxTopic));
        if (input.CategoryCode is { Length: > 0 } code && !(await categories.AllAsync(ct)).ContainsKey(code))
            errors.Add("categoryCode", Text.Get("consultation.category", code));
        if (input.ArticleId is { } articleId && !await db.KnowledgeArticles.AnyAsync(a => a.Id == articleId, ct))
            errors.Add("articleId", Text.Get("consultation.article", articleId));
        string? phone = null;
        if (!string.IsNullOrWhiteSpace(input.CallerPhone))
        {
            phone = PhoneNormalizer.TryNormalize(input.CallerPhone);
            if (phone is null)
                errors.Add("callerPhone", Text.Get("applicant.phone.invalid"));
        }
        if (input.CallId is { Length: > 100 })
            errors.Add("callId", "≤ 100");
        errors.ThrowIfAny();
        var row = new Consultation
        {
            At = time.GetUtcNow(),
            OperatorUserId = actor.UserId,
            OperatorName = actor.Name,
            Topic = topic!,
            CategoryCode = input.CategoryCode is { Length: > 0 } c ? c : null,
            ArticleId = input.ArticleId,
            CallerPhone = phone,
            CallId = input.CallId is { Length: > 0 } call ? call : null,
            OutageId = input.OutageId,
        };
        db.Consultations.Add(row);
        await db.SaveChangesAsync(ct);
        audit.Add(actor, "create", "consultation", row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"article={row.ArticleId}");
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync(db.Consultations.Where(x => x.Id == row.Id), ct))[0];
    }

    public async Task<PagedResult<ConsultationView>> ListAsync(DateTimeOffset? from, DateTimeOffset? to, string? phone, int page, int pageSize, Actor actor, CancellationToken ct)
    {
        Ensure(actor);
        var errors = new ValidationErrors();
        if (page < 1)
            errors.Add("page", "page ≥ 1");
        if (pageSize is < 1 or > MaxPageSize)
            errors.Add("pageSize", $"1 … {MaxPageSize}");
        string? normalized = null;
        if (!string.IsNullOrWhiteSpace(phone) && (normalized = PhoneNormalizer.TryNormalize(phone)) is null)
            errors.Add("phone", Text.Get("applicant.phone.invalid"));
        errors.ThrowIfAny();
        var query = db.Consultations.AsNoTracking();
        if (from is { } f)
            query = query.Where(c => c.At >= f);
        if (to is { } t)
            query = query.Where(c => c.At <= t);
        if (normalized is not null)
            query = query.Where(c => c.CallerPhone == normalized);
        var total = await query.CountAsync(ct);
        var items = await ViewsAsync(query.OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize), ct);
        if (items.Any(i => i.CallerPhone is not null))
            await audit.RecordReadAsync(actor, "consultationList", null, $"count={items.Count}", ct);
        return new PagedResult<ConsultationView>(items, total, page, pageSize);
    }

    private async Task<List<ConsultationView>> ViewsAsync(IQueryable<Consultation> query, CancellationToken ct)
    {
        var rows = await query.Select(c => new
        {
            c.Id,
            c.At,
            c.OperatorName,
            c.Topic,
            c.CategoryCode,
            c.ArticleId,
            c.CallerPhone,
            c.CallId,
            c.OutageId,
            ArticleTitle = db.KnowledgeArticles.Where(a => a.Id == c.ArticleId).Select(a => a.Title).FirstOrDefault(),
        }).ToListAsync(ct);
        return rows.Select(r => new ConsultationView(r.Id, TimeZoneInfo.ConvertTime(r.At, calendar.TimeZone), r.OperatorName, r.Topic, r.CategoryCode, r.ArticleId, r.ArticleTitle,
            r.CallerPhone, r.CallId, r.OutageId)).ToList();
    }

    private static void Ensure(Actor actor)
    {
        if (!(actor.Role is Identity.Roles.Operator || actor.IsSupervisorOrAdmin))
            throw new ForbiddenException(Text.Get("error.forbidden"));
    }
}
