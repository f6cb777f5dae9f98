using ContactCenter.Features.Audit;
using ContactCenter.Features.Categories;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Calendar;

/// <summary>Transferred days of the working calendar (administrator): one place for the API and the console.</summary>
public sealed class CalendarTransfers(AppDbContext db, CalendarService service, AuditLog audit)
{
    public async Task<IReadOnlyList<TransferView>> ListAsync(CancellationToken ct) =>
        await db.CalendarTransfers.AsNoTracking().OrderBy(t => t.Date)
            .Select(t => new TransferView(t.Date, t.IsWorking, t.WorksAs, t.Comment)).ToListAsync(ct);

    public async Task<TransferView> PutAsync(TransferInput input, Actor actor, CancellationToken ct)
    {
        if (!actor.IsAdministrator)
            throw new ForbiddenException(Text.Get("error.forbidden"));
        if (input.Date is null)
            throw AppValidationException.For("date", Text.Get("field.required"));
        var existing = await db.CalendarTransfers.FirstOrDefaultAsync(t => t.Date == input.Date, ct);
        if (existing is null)
            db.CalendarTransfers.Add(existing = new CalendarTransfer { Date = input.Date.Value });
        existing.IsWorking = input.IsWorking;
        existing.WorksAs = input.WorksAs;
        existing.Comment = input.Comment;
        audit.Add(actor, "update", "calendar", input.Date.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture), "transfer");
        await db.SaveChangesAsync(ct);
        service.Invalidate();
        return new TransferView(existing.Date, existing.IsWorking, existing.WorksAs, existing.Comment);
    }
}
