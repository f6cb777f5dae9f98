using ContactCenter.Core.Calendar;
using ContactCenter.Core.Deadlines;
using ContactCenter.Features.Addresses;
using ContactCenter.Features.Audit;
using ContactCenter.Features.Calendar;
using ContactCenter.Features.Executors;
using ContactCenter.Features.Identity;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Categories;

public sealed record CategoryView(string Code, string Name, string? ParentCode, int? DefaultExecutorId, string? ReviewTrack,
    string? Open311ServiceCode, bool AddressRequired, int EarlyWarningHours, bool IsActive);

public sealed record CategoryInput(string? Code, string? Name, string? ParentCode, int? DefaultExecutorId, string? ReviewTrack,
    string? Open311ServiceCode, bool AddressRequired, int? EarlyWarningHours, bool? IsActive);

public sealed record ExecutorView(int Id, string Name, string? ShortName, ExecutorKind Kind, int? ParentId, string? ResponsiblePerson,
    string? Phone, string? Email, string? WorkingHours, bool IsActive, IReadOnlyList<string> Competences, IReadOnlyList<StaffView> Staff);

public sealed record StaffView(int Id, string FullName, string? Position, bool IsResponsible);

public sealed record ExecutorInput(string? Name, string? ShortName, ExecutorKind? Kind, int? ParentId, string? ResponsiblePerson,
    string? Phone, string? Email, string? WorkingHours, IReadOnlyList<string>? Competences);

public sealed record ReviewTrackView(string Code, string Name, int Term, TermUnit Unit);

public sealed record CalendarView(string TimeZone, bool StatutoryHolidays, IReadOnlyList<ScheduleDayView> Schedule,
    IReadOnlyList<HolidayView> Holidays, IReadOnlyList<TransferView> TransferredDays, IReadOnlyList<MartialLawView> MartialLaw);

public sealed record ScheduleDayView(DayOfWeek Day, TimeOnly Start, TimeOnly End, TimeOnly? LunchStart, TimeOnly? LunchEnd);

public sealed record HolidayView(DateOnly Date, string Name, bool Statutory);

public sealed record TransferView(DateOnly Date, bool IsWorking, DayOfWeek? WorksAs, string? Comment);

public sealed record MartialLawView(DateOnly From, DateOnly? To);

public sealed record TransferInput(DateOnly? Date, bool IsWorking, DayOfWeek? WorksAs, string? Comment);

public sealed record ScheduleInput(IReadOnlyList<ScheduleDayView>? Days);

public sealed record HolidayInput(DateOnly? Date, string? Name);

public sealed record MartialLawInput(DateOnly? From, DateOnly? To);

public sealed record ReviewTrackInput(string? Name, int? Term, TermUnit? Unit);

public sealed record DeadlineView(DateTimeOffset From, string Track, DateTimeOffset DueAt, DateTimeOffset LegalLimit);

public sealed record AddressView(int Id, string Address, string Street, string StreetType, string Number, int? DistrictId, string? District, double? Lat, double? Long);

/// <summary>Categories, executors, review tracks, the working calendar, the deadline calculator and the address register.</summary>
public static class ReferenceDataApi
{
    public static IEndpointRouteBuilder MapReferenceDataEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization();

        var categories = api.MapGroup("/categories").WithTags("Categories");
        categories.MapGet("/", async (AppDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Code)
                .Select(c => new CategoryView(c.Code, c.Name, c.ParentCode, c.DefaultExecutorId, c.ReviewTrackCode, c.Open311ServiceCode,
                    c.AddressRequired, c.EarlyWarningHours, c.IsActive))
                .ToListAsync(ct)))
            .WithName("ListCategories").WithSummary("The category tree (flat, with parent codes).");
        categories.MapPut("/{code}", async (string code, CategoryInput input, Admin.CategoryAdmin admin, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await admin.PutAsync(code, input, http.Actor(), ct))
        ).WithName("PutCategory").WithSummary("Create or update a category (administrator).");

        var executors = api.MapGroup("/executors").WithTags("Executors");
        executors.MapGet("/", async (AppDbContext db, CancellationToken ct) =>
        {
            var list = await db.Executors.AsNoTracking().Include(e => e.Competences).Include(e => e.Staff).AsSplitQuery()
                .OrderBy(e => e.Name).ToListAsync(ct);
            return TypedResults.Ok(list.Select(ToView).ToList());
        }).WithName("ListExecutors").WithSummary("Executor organisations with hierarchy, competences and staff.");
        executors.MapGet("/{id:int}", async (int id, AppDbContext db, CancellationToken ct) =>
        {
            var e = await db.Executors.AsNoTracking().Include(x => x.Competences).Include(x => x.Staff).AsSplitQuery()
                .FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(Text.Get("executor.unknown", id));
            return TypedResults.Ok(ToView(e));
        }).WithName("GetExecutor");
        executors.MapPost("/", async (ExecutorInput input, Admin.ExecutorAdmin admin, HttpContext http, CancellationToken ct) =>
        {
            var executor = await admin.CreateAsync(input, http.Actor(), ct);
            return TypedResults.Created($"/api/v1/executors/{executor.Id}", executor);
        }).WithName("CreateExecutor").WithSummary("Create an executor organisation (administrator).");

        api.MapGet("/review-tracks", async (AppDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.ReviewTracks.AsNoTracking().OrderBy(t => t.Unit).ThenBy(t => t.Term)
                .Select(t => new ReviewTrackView(t.Code, t.Name, t.Term, t.Unit)).ToListAsync(ct)))
            .WithTags("Calendar").WithName("ListReviewTracks");

        api.MapPut("/review-tracks/{code}", async (string code, ReviewTrackInput input, Admin.ReviewTrackAdmin admin, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await admin.PutAsync(code, input, http.Actor(), ct))
        ).WithTags("Calendar").WithName("PutReviewTrack").WithSummary("Create or change a review track (administrator); terms fit Art. 20.");

        var calendar = api.MapGroup("/calendar").WithTags("Calendar");
        calendar.MapGet("/", async (int? year, CalendarService service, CancellationToken ct) =>
        {
            var cal = await service.GetCalendarAsync(ct);
            var y = year ?? cal.LocalDate(DateTimeOffset.UtcNow).Year;
            return TypedResults.Ok(ToView(cal, y));
        }).WithName("GetCalendar").WithSummary("Weekly schedule, holidays of a year (?year=), transferred days and martial-law periods.");
        calendar.MapGet("/deadline", async (string? from, string? track, CalendarService service, TimeProvider time, CancellationToken ct) =>
        {
            var errors = new ValidationErrors();
            DateTimeOffset start = time.GetUtcNow();
            if (from is { Length: > 0 } && !DateTimeOffset.TryParse(from, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out start))
                errors.Add("from", Text.Get("calendar.from.invalid"));
            ReviewTrack? t = null;
            if (string.IsNullOrWhiteSpace(track))
                errors.Add("track", Text.Get("field.required"));
            else if ((t = await service.FindTrackAsync(track, ct)) is null)
                errors.Add("track", Text.Get("reviewTrack.unknown", track));
            errors.ThrowIfAny();
            var cal = await service.GetCalendarAsync(ct);
            return TypedResults.Ok(new DeadlineView(
                TimeZoneInfo.ConvertTime(start, cal.TimeZone), t!.Code,
                DeadlineCalculator.Due(start, t, cal), DeadlineCalculator.LegalLimit(start, cal)));
        }).WithName("ComputeDeadline").WithSummary("The deadline the working calendar gives for a received time and a review track.");
        calendar.MapPost("/transfers", async (TransferInput input, CalendarTransfers transfers, HttpContext http, CancellationToken ct) =>
        {
            http.RequireAdministrator();
            return TypedResults.Ok(await transfers.PutAsync(input, http.Actor(), ct));
        }).WithName("PutTransferredDay").WithSummary("Add or change a transferred day (administrator).");
        calendar.MapPut("/schedule", async (ScheduleInput input, AppDbContext db, CalendarService service, AuditLog audit, HttpContext http, CancellationToken ct) =>
        {
            http.RequireAdministrator();
            var days = new Dictionary<DayOfWeek, DaySchedule?>();
            var errors = new ValidationErrors();
            foreach (var d in input.Days ?? [])
            {
                var day = new DaySchedule(d.Start, d.End, d.LunchStart, d.LunchEnd);
                try
                {
                    day.Validate();
                    days[d.Day] = day;
                }
                catch (ArgumentException e)
                {
                    errors.Add($"days.{d.Day}", e.Message);
                }
            }
            if (days.Count == 0)
                errors.Add("days", Text.Get("calendar.schedule.empty"));
            errors.ThrowIfAny();
            var settings = await db.CalendarSettings.OrderBy(c => c.Id).FirstAsync(ct);
            settings.WeeklySchedule = CalendarService.FormatSchedule(new WeeklySchedule(days));
            settings.Version++;
            audit.Add(http.Actor(), "update", "calendar", "schedule", settings.WeeklySchedule);
            await db.SaveChangesAsync(ct);
            service.Invalidate();
            return TypedResults.Ok(ToView(await service.GetCalendarAsync(ct), DateTime.UtcNow.Year));
        }).WithName("PutWeeklySchedule").WithSummary("Replace the weekly schedule (administrator).");
        calendar.MapPost("/holidays", async (HolidayInput input, AppDbContext db, CalendarService service, AuditLog audit, HttpContext http, CancellationToken ct) =>
        {
            http.RequireAdministrator();
            var errors = new ValidationErrors();
            if (input.Date is null)
                errors.Add("date", Text.Get("field.required"));
            if (string.IsNullOrWhiteSpace(input.Name))
                errors.Add("name", Text.Get("field.required"));
            errors.ThrowIfAny();
            var holiday = await db.CalendarHolidays.FirstOrDefaultAsync(h => h.Date == input.Date, ct);
            if (holiday is null)
                db.CalendarHolidays.Add(holiday = new CalendarHoliday { Date = input.Date!.Value, Name = input.Name!.Trim() });
            holiday.Name = input.Name!.Trim();
            audit.Add(http.Actor(), "update", "calendar", input.Date!.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture), "holiday");
            await db.SaveChangesAsync(ct);
            service.Invalidate();
            return TypedResults.Ok(new HolidayView(holiday.Date, holiday.Name, false));
        }).WithName("PutHoliday").WithSummary("Add an installation's own holiday (administrator); statutory ones are computed.");
        calendar.MapDelete("/holidays/{date}", async (DateOnly date, AppDbContext db, CalendarService service, AuditLog audit, HttpContext http, CancellationToken ct) =>
        {
            http.RequireAdministrator();
            var holiday = await db.CalendarHolidays.FirstOrDefaultAsync(h => h.Date == date, ct) ?? throw new NotFoundException(Text.Get("error.notFound"));
            db.CalendarHolidays.Remove(holiday);
            audit.Add(http.Actor(), "delete", "calendar", date.ToString("O", System.Globalization.CultureInfo.InvariantCulture), "holiday");
            await db.SaveChangesAsync(ct);
            service.Invalidate();
            return TypedResults.NoContent();
        }).WithName("DeleteHoliday");
        calendar.MapPost("/martial-law", async (MartialLawInput input, AppDbContext db, CalendarService service, AuditLog audit, HttpContext http, CancellationToken ct) =>
        {
            http.RequireAdministrator();
            if (input.From is null)
                throw AppValidationException.For("from", Text.Get("field.required"));
            if (input.To is { } to && to < input.From)
                throw AppValidationException.For("to", Text.Get("calendar.period.order"));
            var period = new MartialLawPeriodEntity { From = input.From.Value, To = input.To };
            db.MartialLawPeriods.Add(period);
            audit.Add(http.Actor(), "create", "calendar", null, $"martial law {period.From:O}..{period.To:O}");
            await db.SaveChangesAsync(ct);
            service.Invalidate();
            return TypedResults.Ok(new MartialLawView(period.From, period.To));
        }).WithName("AddMartialLawPeriod");
        calendar.MapPut("/martial-law/{from}", async (DateOnly from, MartialLawInput input, AppDbContext db, CalendarService service, AuditLog audit, HttpContext http, CancellationToken ct) =>
        {
            http.RequireAdministrator();
            var period = await db.MartialLawPeriods.FirstOrDefaultAsync(m => m.From == from, ct) ?? throw new NotFoundException(Text.Get("error.notFound"));
            if (input.To is { } to && to < period.From)
                throw AppValidationException.For("to", Text.Get("calendar.period.order"));
            period.To = input.To;
            audit.Add(http.Actor(), "update", "calendar", null, $"martial law {period.From:O}..{period.To:O}");
            await db.SaveChangesAsync(ct);
            service.Invalidate();
            return TypedResults.Ok(new MartialLawView(period.From, period.To));
        }).WithName("EndMartialLawPeriod").WithSummary("Set or clear the end of a martial-law period (administrator).");
        calendar.MapDelete("/martial-law/{from}", async (DateOnly from, AppDbContext db, CalendarService service, AuditLog audit, HttpContext http, CancellationToken ct) =>
        {
            http.RequireAdministrator();
            var period = await db.MartialLawPeriods.FirstOrDefaultAsync(m => m.From == from, ct) ?? throw new NotFoundException(Text.Get("error.notFound"));
            db.MartialLawPeriods.Remove(period);
            audit.Add(http.Actor(), "delete", "calendar", null, $"martial law {period.From:O}");
            await db.SaveChangesAsync(ct);
            service.Invalidate();
            return TypedResults.NoContent();
        }).WithName("DeleteMartialLawPeriod");
        calendar.MapDelete("/transfers/{date}", async (DateOnly date, AppDbContext db, CalendarService service, AuditLog audit, HttpContext http, CancellationToken ct) =>
        {
            http.RequireAdministrator();
            var existing = await db.CalendarTransfers.FirstOrDefaultAsync(t => t.Date == date, ct)
                ?? throw new NotFoundException(Text.Get("error.notFound"));
            db.CalendarTransfers.Remove(existing);
            audit.Add(http.Actor(), "delete", "calendar", date.ToString("O", System.Globalization.CultureInfo.InvariantCulture), "transfer");
            await db.SaveChangesAsync(ct);
            service.Invalidate();
            return TypedResults.NoContent();
        }).WithName("DeleteTransferredDay");

        api.MapGet("/addresses", async (string? q, int? limit, AddressRegister register, CancellationToken ct) =>
            TypedResults.Ok(await register.SearchAsync(q ?? "", Math.Clamp(limit ?? 20, 1, 100), ct)))
            .WithTags("Addresses").WithName("SearchAddresses").WithSummary("Address register search (street and building).");
        return app;
    }


    private static ExecutorView ToView(Executor e) => new(e.Id, e.Name, e.ShortName, e.Kind, e.ParentId, e.ResponsiblePerson, e.Phone, e.Email,
        e.WorkingHours, e.IsActive, e.Competences.Select(c => c.CategoryCode).OrderBy(c => c).ToList(),
        e.Staff.Select(s => new StaffView(s.Id, s.FullName, s.Position, s.IsResponsible)).ToList());

    private static CalendarView ToView(WorkingCalendar cal, int year)
    {
        var d = cal.Definition;
        var schedule = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday }
            .Select(day => (day, s: d.Schedule.For(day)))
            .Where(x => x.s is not null)
            .Select(x => new ScheduleDayView(x.day, x.s!.Start, x.s.End, x.s.LunchStart, x.s.LunchEnd)).ToList();
        var holidays = (d.StatutoryHolidays ? UkrainianHolidays.For(year) : [])
            .Select(h => new HolidayView(h.Date, h.Name, true))
            .Concat(d.ExtraHolidays.Where(h => h.Date.Year == year).Select(h => new HolidayView(h.Date, h.Name, false)))
            .OrderBy(h => h.Date).ToList();
        return new CalendarView(d.TimeZoneId, d.StatutoryHolidays, schedule, holidays,
            d.Transfers.Select(t => new TransferView(t.Date, t.IsWorking, t.WorksAs, null)).ToList(),
            d.MartialLaw.Select(m => new MartialLawView(m.From, m.To)).ToList());
    }

}
