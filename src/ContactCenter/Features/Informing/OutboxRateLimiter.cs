using ContactCenter.Features.Notifications;
using ContactCenter.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContactCenter.Features.Informing;

/// <summary>
/// The broadcast budget of the outbox: at most <see cref="InformingOptions.MessagesPerMinute"/> broadcast messages per
/// channel in each fixed minute (UTC), shared by every dispatcher on every instance. A slot is taken by one conditional
/// UPDATE (<c>used &lt; limit</c> in the current window, or rolling an old window over), which the database serialises
/// on the row, so racing dispatchers cannot overspend it. Messages to applicants about their appeals are not counted:
/// they are few and must not wait behind a broadcast.
/// </summary>
public sealed class OutboxRateLimiter(AppDbContext db, IOptions<InformingOptions> options, TimeProvider time)
{
    public static string KeyOf(NotificationChannel channel) => "broadcast:" + channel;

    /// <summary>The start of the window <paramref name="at"/> falls in.</summary>
    public static DateTimeOffset WindowOf(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, TimeSpan.Zero);
    }

    /// <summary>Channels whose budget for the current window is spent (read only; the claim decides).</summary>
    public async Task<List<NotificationChannel?>> ExhaustedAsync(CancellationToken ct)
    {
        var window = WindowOf(time.GetUtcNow());
        var limit = options.Value.MessagesPerMinute;
        var rows = await db.Set<OutboxRateWindow>().AsNoTracking().Where(w => w.WindowStart == window && w.Used >= limit).Select(w => w.Key).ToListAsync(ct);
        return Enum.GetValues<NotificationChannel>().Where(c => rows.Contains(KeyOf(c))).Select(c => (NotificationChannel?)c).ToList();
    }

    /// <summary>Takes one slot of the current window for <paramref name="channel"/>; false when the window is spent.</summary>
    public async Task<bool> TryTakeAsync(NotificationChannel channel, CancellationToken ct)
    {
        var key = KeyOf(channel);
        var window = WindowOf(time.GetUtcNow());
        var limit = options.Value.MessagesPerMinute;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var taken = await db.Set<OutboxRateWindow>()
                .Where(w => w.Key == key && w.WindowStart == window && w.Used < limit)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.Used, w => w.Used + 1), ct);
            if (taken == 1)
                return true;
            var rolled = await db.Set<OutboxRateWindow>()
                .Where(w => w.Key == key && w.WindowStart < window)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.WindowStart, window).SetProperty(w => w.Used, 1), ct);
            if (rolled == 1)
                return true;
            if (await db.Set<OutboxRateWindow>().AsNoTracking().AnyAsync(w => w.Key == key, ct))
                return false;
            // First use of this channel: create its row (a racing instance may win; then try again).
            try
            {
                db.Add(new OutboxRateWindow { Key = key, WindowStart = window, Used = 0 });
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
        return false;
    }
}
