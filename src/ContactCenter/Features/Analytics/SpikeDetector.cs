using System.Globalization;
using ContactCenter.Features.Categories;
using ContactCenter.Features.Control;
using ContactCenter.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace ContactCenter.Features.Analytics;

/// <summary>
/// Socially important problems (F9.4). The window is the last <see cref="AnalyticsOptions.SpikeWindowHours"/> hours;
/// the baseline of a category, district or street is the mean count of appeals in the same hours of the same weekday
/// over the previous <see cref="AnalyticsOptions.SpikeBaselineWeeks"/> weeks. A key spikes when its window count is at
/// least <see cref="AnalyticsOptions.SpikeMinCount"/> and at least <see cref="AnalyticsOptions.SpikeRatio"/> × the
/// baseline (a baseline under 1 counts as 1). One spike is one signal: while later runs keep seeing the same key
/// spiking (a run within one window of the last sighting), the signal is updated, not repeated; the head (the
/// supervisors' role) gets one staff notification with the appeals behind it, and the live screens hear of it at once:
/// a new signal is published on the real-time seam as an appeal event <see cref="SignalledAction"/> of its first appeal
/// (so it reaches every instance: the spikes page and the head's unread counter refresh without a reload).
/// </summary>
public sealed class SpikeDetector(AppDbContext db, CategoryDirectory categories, Infrastructure.Events.AppealEvents events, IOptions<AnalyticsOptions> options,
    TimeProvider time, ILogger<SpikeDetector> logger)
{
    /// <summary>The action of the appeal event published when a new spike signal is raised.</summary>
    public const string SignalledAction = "spikeSignalled";

    private sealed record Row(long AppealId, string Number, string Category, int? DistrictId, int? BuildingId);

    public async Task<IReadOnlyList<SpikeSignal>> RunAsync(CancellationToken ct)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var window = TimeSpan.FromHours(o.SpikeWindowHours);
        var current = await RowsAsync(now - window, now, ct);
        if (current.Count < o.SpikeMinCount)
            return [];
        var baseline = new List<Row>();
        for (var week = 1; week <= o.SpikeBaselineWeeks; week++)
        {
            var end = now.AddDays(-7 * week);
            baseline.AddRange(await RowsAsync(end - window, end, ct));
        }
        var streets = await StreetsOfAsync(current.Concat(baseline), ct);

        var keyed = new List<(SpikeKind Kind, string Key, Func<Row, string?> Of)>
        {
            (SpikeKind.Category, "", r => r.Category),
            (SpikeKind.District, "", r => r.DistrictId?.ToString(CultureInfo.InvariantCulture)),
            (SpikeKind.Street, "", r => r.BuildingId is { } b && streets.TryGetValue(b, out var s) ? s.ToString(CultureInfo.InvariantCulture) : null),
        };
        var raised = new List<SpikeSignal>();
        foreach (var (kind, _, of) in keyed)
        {
            var counts = current.Where(r => of(r) is not null).GroupBy(of).ToDictionary(g => g.Key!, g => g.Select(r => r.AppealId).Distinct().Count());
            var usual = baseline.Where(r => of(r) is not null).GroupBy(of).ToDictionary(g => g.Key!, g => g.Select(r => r.AppealId).Distinct().Count() / (double)o.SpikeBaselineWeeks);
            foreach (var (key, count) in counts)
            {
                var mean = usual.GetValueOrDefault(key);
                if (count < o.SpikeMinCount || count < o.SpikeRatio * Math.Max(mean, 1))
                    continue;
                var numbers = current.Where(r => of(r) == key).Select(r => r.Number).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                if (await SignalAsync(kind, key, count, mean, numbers, now, window, ct) is { } signal)
                    raised.Add(signal);
            }
        }
        if (raised.Count > 0)
            logger.LogWarning("Spike detection raised {Count} signals", raised.Count);
        return raised;
    }

    private async Task<SpikeSignal?> SignalAsync(SpikeKind kind, string key, int count, double mean, List<string> numbers, DateTimeOffset now, TimeSpan window, CancellationToken ct)
    {
        var since = now - window;
        var open = await db.Set<SpikeSignal>().Where(s => s.Kind == kind && s.Key == key && s.LastSeenAt >= since)
            .OrderByDescending(s => s.Id).FirstOrDefaultAsync(ct);
        var joined = string.Join(",", numbers.Take(200));
        if (open is not null)
        {
            // The same spike goes on: keep it current, say nothing new.
            open.LastSeenAt = now;
            open.WindowEnd = now;
            if (count > open.Count)
            {
                open.Count = count;
                open.AppealNumbers = string.Join(",", open.AppealNumbers.Split(',', StringSplitOptions.RemoveEmptyEntries).Union(numbers, StringComparer.Ordinal).Take(200));
            }
            await db.SaveChangesAsync(ct);
            return null;
        }
        var label = await LabelAsync(kind, key, ct);
        var signal = new SpikeSignal
        {
            DetectedAt = now,
            LastSeenAt = now,
            Kind = kind,
            Key = key,
            Label = label,
            WindowStart = since,
            WindowEnd = now,
            Count = count,
            Baseline = Math.Round(mean, 2),
            AppealNumbers = joined,
        };
        db.Add(signal);
        db.Add(new StaffNotification
        {
            At = now,
            RecipientRole = Identity.Roles.Supervisor,
            Kind = "spike",
            RegistrationNumber = numbers.FirstOrDefault(),
            Text = AnalyticsText.SpikeNotice(kind, label, count, mean, window.TotalHours, numbers),
        });
        await db.SaveChangesAsync(ct);
        var first = numbers.FirstOrDefault();
        var appeal = first is null ? null : await db.Appeals.AsNoTracking().Include(a => a.Questions).ThenInclude(q => q.Assignments).AsSplitQuery()
            .FirstOrDefaultAsync(a => a.RegistrationNumber == first, ct);
        if (appeal is not null)
            await events.PublishAsync(appeal, SignalledAction, ct);
        return signal;
    }

    private Task<List<Row>> RowsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        db.Questions.AsNoTracking()
            .Where(q => q.Appeal.ReceivedAt >= from && q.Appeal.ReceivedAt < to)
            .Select(q => new Row(q.AppealId, q.Appeal.RegistrationNumber, q.CategoryCode, q.Location.DistrictId, q.Location.BuildingId))
            .ToListAsync(ct);

    private async Task<Dictionary<int, int>> StreetsOfAsync(IEnumerable<Row> rows, CancellationToken ct)
    {
        var ids = rows.Where(r => r.BuildingId is not null).Select(r => r.BuildingId!.Value).Distinct().ToList();
        return ids.Count == 0 ? [] : await db.Buildings.AsNoTracking().Where(b => ids.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.StreetId, ct);
    }

    private async Task<string> LabelAsync(SpikeKind kind, string key, CancellationToken ct)
    {
        switch (kind)
        {
            case SpikeKind.Category:
                var all = await categories.AllAsync(ct);
                return all.TryGetValue(key, out var c) ? c.Name : key;
            case SpikeKind.District:
                var districtId = int.Parse(key, CultureInfo.InvariantCulture);
                return await db.Districts.Where(d => d.Id == districtId).Select(d => d.Name).FirstOrDefaultAsync(ct) ?? key;
            default:
                var streetId = int.Parse(key, CultureInfo.InvariantCulture);
                return await db.Streets.Where(s => s.Id == streetId).Select(s => s.Type + " " + s.Name).FirstOrDefaultAsync(ct) ?? key;
        }
    }
}

[DisallowConcurrentExecution]
public sealed class SpikeDetectionJob(SpikeDetector detector) : IJob
{
    public static readonly JobKey Key = new("spike-detection", "analytics");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await detector.RunAsync(cancellationToken);
}
