using ContactCenter.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Telephony;

/// <summary>
/// Links an appeal to the call it was registered during, when the registration names the call (the console's caller
/// pop opens the registration screen with <c>?callId=</c>). The call is named by the PBX's id or by our row id.
/// </summary>
public static class CallLinks
{
    public static async Task<long?> FindAsync(AppDbContext db, string callId, CancellationToken ct)
    {
        var id = callId.Trim();
        var byPbx = await db.Set<Call>().AsNoTracking().Where(c => c.CallId == id).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
        if (byPbx is not null || !long.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out var rowId))
            return byPbx;
        return await db.Set<Call>().AsNoTracking().Where(c => c.Id == rowId).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
    }

    public static async Task LinkAsync(AppDbContext db, long callRowId, long appealId, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Set<CallAppeal>().AnyAsync(l => l.CallId == callRowId && l.AppealId == appealId, ct))
            return;
        db.Set<CallAppeal>().Add(new CallAppeal { CallId = callRowId, AppealId = appealId, LinkedAt = now });
        await db.SaveChangesAsync(ct);
    }
}
