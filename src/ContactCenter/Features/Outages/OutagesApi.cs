using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;

namespace ContactCenter.Features.Outages;

/// <summary>
/// Repair works and outages. Reading (list, one, at an address) is public — the portal and the bot show it — and carries no
/// personal data; registering, changing, linking and closing need a staff key or session.
/// </summary>
public static class OutagesApi
{
    public static IEndpointRouteBuilder MapOutageEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/outages").RequireAuthorization().WithTags("Outages");

        group.MapGet("/", async (string? status, string? type, int? executorId, string? format, OutageService outages, TimeProvider time, CancellationToken ct) =>
        {
            var errors = new ValidationErrors();
            var s = QueryEnum.Parse<OutageStatus>(status, "status", errors);
            var t = QueryEnum.Parse<OutageType>(type, "type", errors);
            errors.ThrowIfAny();
            var f = Reports.AnalyticsExport.Parse(format);
            var list = await outages.ListAsync(s, t, executorId, ct);
            return f == Infrastructure.Export.ExportFormat.Json ? Results.Ok(list) : Reports.ListExports.Outages(f, list.Items, time.GetUtcNow());
        })
        .AllowAnonymous()
        .WithName("ListOutages").WithSummary("Active and planned outages (or ?status=planned|active|closed), newest first; public; format=csv|xlsx for a file.")
        .Produces<OutageList>();

        group.MapGet("/at", async (string? address, int? addressId, OutageService outages, CancellationToken ct) =>
            TypedResults.Ok(await outages.AtAsync(address, addressId, ct)))
            .AllowAnonymous()
            .WithName("OutagesAtAddress")
            .WithSummary("Open outages covering an address: ?addressId= (a building of the register) or ?address= (free text, resolved through the register); public.");

        group.MapGet("/{id:long}", async (long id, OutageService outages, CancellationToken ct) =>
            TypedResults.Ok(await outages.GetAsync(id, ct)))
            .AllowAnonymous()
            .WithName("GetOutage").WithSummary("One outage; public.");

        group.MapPost("/", async (OutageInput body, OutageService outages, HttpContext http, CancellationToken ct) =>
        {
            var view = await outages.CreateAsync(body, http.Actor(), ct);
            return TypedResults.Created($"/api/v1/outages/{view.Id}", view);
        })
        .WithName("CreateOutage").WithSummary("Register repair works or an outage (an executor for its own organisation, or an operator/supervisor).");

        group.MapPut("/{id:long}", async (long id, OutageInput body, OutageService outages, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await outages.UpdateAsync(id, body, http.Actor(), ct)))
            .WithName("UpdateOutage").WithSummary("Change an open outage (the whole card, areas included).");

        group.MapPost("/{id:long}/updates", async (long id, OutageNoteInput body, OutageService outages, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await outages.AddUpdateAsync(id, body, http.Actor(), ct)))
            .WithName("AddOutageUpdate").WithSummary("Add a timestamped update note `{text}`.");

        group.MapPost("/{id:long}/close", async (long id, OutageCloseInput body, OutageService outages, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await outages.CloseAsync(id, body, http.Actor(), ct)))
            .WithName("CloseOutage")
            .WithSummary("Close the outage `{text}` (its executor, or a supervisor); linked open questions move on to resultReported with this text. Repeating retries those still open.");

        group.MapPost("/{id:long}/appeals", async (long id, OutageLinkInput body, OutageService outages, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await outages.LinkAsync(id, body, http.Actor(), automatic: false, ct)))
            .WithName("LinkAppealToOutage").WithSummary("Link an appeal (question) to the outage `{registrationNumber, questionNumber?}`.");

        group.MapGet("/{id:long}/appeals", async (long id, OutageService outages, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await outages.LinkedAppealsAsync(id, http.Actor(), ct)))
            .WithName("ListOutageAppeals").WithSummary("Appeals linked to the outage (staff).");
        return app;
    }
}
