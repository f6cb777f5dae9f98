using ContactCenter.Core.Calendar;
using ContactCenter.Core.Deadlines;
using ContactCenter.Features.Calendar;
using ContactCenter.Features.Categories;
using ContactCenter.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Seed;

/// <summary>
/// What every installation has from the first start: the default review tracks (000 §4.3), the working calendar
/// (000 §2.1, martial law since 2022-02-24) and a standard category tree in Ukrainian. Only missing rows are added,
/// so an administrator's edits survive restarts.
/// </summary>
public static class ReferenceDataSeeder
{
    public static readonly (string Code, string Name, int Term, TermUnit Unit)[] Tracks =
    [
        ("urgent", "Невідкладне — 1 робочий день", 1, TermUnit.WorkingDays),
        ("simple", "Не потребує додаткового вивчення — 5 робочих днів", 5, TermUnit.WorkingDays),
        ("complex", "Потребує додаткового вивчення — 20 робочих днів", 20, TermUnit.WorkingDays),
        ("committee", "Потребує розгляду на засіданні виконкому — 30 календарних днів", 30, TermUnit.CalendarDays),
        ("emergency", "Аварійне — 24 години", 24, TermUnit.Hours),
    ];

    // (code, parent, name, English name, review track, address required, Open311 code)
    public static readonly (string Code, string? Parent, string Name, string NameEn, string Track, bool Address)[] Categories =
    [
        ("utilities", null, "Житлово-комунальне господарство", "Housing and utilities", "simple", true),
        ("utilities.water", "utilities", "Водопостачання", "Water supply", "simple", true),
        ("utilities.sewerage", "utilities", "Водовідведення, каналізація", "Sewerage", "simple", true),
        ("utilities.heating", "utilities", "Теплопостачання", "Heating", "simple", true),
        ("utilities.hotwater", "utilities", "Гаряче водопостачання", "Hot water", "simple", true),
        ("utilities.electricity", "utilities", "Електропостачання", "Electricity", "simple", true),
        ("utilities.gas", "utilities", "Газопостачання", "Gas supply", "simple", true),
        ("utilities.elevator", "utilities", "Ліфти", "Elevators", "simple", true),
        ("utilities.roof", "utilities", "Ремонт покрівлі, під'їздів", "Roof and entrance repair", "complex", true),
        ("utilities.yard", "utilities", "Утримання прибудинкової території", "Yard upkeep", "simple", true),
        ("utilities.emergency", "utilities", "Аварійні ситуації в будинку", "Building emergencies", "emergency", true),
        ("improvement", null, "Благоустрій", "Public improvement", "simple", true),
        ("improvement.roads", "improvement", "Ремонт доріг і тротуарів", "Roads and pavements", "complex", true),
        ("improvement.lighting", "improvement", "Вуличне освітлення", "Street lighting", "simple", true),
        ("improvement.greenery", "improvement", "Зелені насадження, аварійні дерева", "Trees and greenery", "simple", true),
        ("improvement.waste", "improvement", "Вивезення сміття, стихійні сміттєзвалища", "Waste collection", "simple", true),
        ("improvement.snow", "improvement", "Прибирання снігу, ожеледиця", "Snow and ice", "urgent", true),
        ("improvement.playgrounds", "improvement", "Дитячі та спортивні майданчики", "Playgrounds", "complex", true),
        ("transport", null, "Транспорт і зв'язок", "Transport", "simple", false),
        ("transport.public", "transport", "Громадський транспорт, маршрути", "Public transport", "simple", false),
        ("transport.traffic", "transport", "Організація дорожнього руху", "Traffic management", "complex", true),
        ("social", null, "Соціальний захист", "Social protection", "complex", false),
        ("social.benefits", "social", "Пільги, субсидії", "Benefits and subsidies", "complex", false),
        ("social.idp", "social", "Допомога внутрішньо переміщеним особам", "Help for IDPs", "complex", false),
        ("social.veterans", "social", "Підтримка ветеранів і родин захисників", "Veterans and families", "complex", false),
        ("health", null, "Охорона здоров'я", "Health care", "simple", false),
        ("education", null, "Освіта", "Education", "complex", false),
        ("land", null, "Земельні відносини, архітектура", "Land and planning", "committee", false),
        ("safety", null, "Громадський порядок і безпека, укриття", "Public order, shelters", "urgent", false),
        ("administrative", null, "Адміністративні послуги, ЦНАП", "Administrative services", "simple", false),
        ("other", null, "Інші питання", "Other", "complex", false),
    ];

    public static async Task SeedAsync(AppDbContext db, CancellationToken ct)
    {
        var tracks = await db.ReviewTracks.Select(t => t.Code).ToListAsync(ct);
        foreach (var t in Tracks.Where(t => !tracks.Contains(t.Code)))
            db.ReviewTracks.Add(new ReviewTrackEntity { Code = t.Code, Name = t.Name, Term = t.Term, Unit = t.Unit });

        if (!await db.CalendarSettings.AnyAsync(ct))
        {
            var d = CalendarDefinition.Default;
            db.CalendarSettings.Add(new CalendarSettings
            {
                TimeZoneId = d.TimeZoneId,
                StatutoryHolidays = true,
                WeeklySchedule = CalendarService.FormatSchedule(d.Schedule),
            });
            foreach (var m in d.MartialLaw)
                db.MartialLawPeriods.Add(new MartialLawPeriodEntity { From = m.From, To = m.To });
        }

        var categories = await db.Categories.Select(c => c.Code).ToListAsync(ct);
        var order = 0;
        foreach (var c in Categories)
        {
            order++;
            if (categories.Contains(c.Code))
                continue;
            db.Categories.Add(new Category
            {
                Code = c.Code,
                ParentCode = c.Parent,
                Name = c.Name,
                NameEn = c.NameEn,
                ReviewTrackCode = c.Track,
                AddressRequired = c.Address && c.Parent is not null,
                Open311ServiceCode = c.Code,
                SortOrder = order,
                EarlyWarningHours = c.Track is "urgent" or "emergency" ? 2 : 8,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
