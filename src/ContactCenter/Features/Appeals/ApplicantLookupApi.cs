using ContactCenter.Infrastructure.Security;

namespace ContactCenter.Features.Appeals;

/// <summary>The applicant lookup of the registration screen for other systems and scripts (F10.2, issue 3).</summary>
public static class ApplicantLookupApi
{
    public static IEndpointRouteBuilder MapApplicantLookupEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/applicants").WithTags("Appeals").RequireAuthorization();

        group.MapGet("/lookup", async (string? name, string? address, string? phone, int? limit, ApplicantLookup lookup, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await lookup.LookupAsync(new ApplicantLookupQuery(name, address, phone, limit ?? ApplicantLookup.DefaultLimit), http.Actor(), ct)))
            .WithName("LookupApplicants")
            .WithSummary("Applicants by the beginning of the name (surname, or surname and first name), the street and house of the residence address, or the phone; operators, supervisors and administrators only.")
            .Produces<ApplicantLookupResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/appeals", async (string? nameKey, string? phone, string? addressKey, int? limit, ApplicantLookup lookup, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await lookup.AppealsOfAsync(new ApplicantRef(nameKey ?? "", phone, addressKey), http.Actor(), limit ?? 20, ct)))
            .WithName("ListApplicantAppeals")
            .WithSummary("The earlier and open appeals of one applicant found by the lookup (its ref: nameKey with phone, or with addressKey).")
            .Produces<IReadOnlyList<ApplicantAppeal>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }
}
