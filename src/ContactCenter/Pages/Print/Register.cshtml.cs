using ContactCenter.Features.Calendar;
using ContactCenter.Features.Reports;
using ContactCenter.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContactCenter.Pages.Print;

/// <summary>The register of appeals (002 Додаток 3) for a period, as a printable landscape sheet.</summary>
[Authorize]
public sealed class RegisterModel(AppealRegister register, AppealPrint print, CalendarService calendar, TimeProvider time) : PageModel
{
    public ReportPeriod Period { get; private set; } = null!;
    public Letterhead Head { get; private set; } = null!;
    public List<RegisterRow> Rows { get; } = [];
    public bool Truncated { get; private set; }

    public async Task OnGetAsync(string? period, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        Period = ReportsApi.Period(period, from, to, calendar, time);
        Head = print.Head();
        await foreach (var r in register.RowsAsync(Period, HttpContext.Actor(), "print", AppealRegister.MaxPrintRows + 1, ct))
            Rows.Add(r);
        Truncated = Rows.Count > AppealRegister.MaxPrintRows;
        if (Truncated)
            Rows.RemoveAt(Rows.Count - 1);
    }
}
