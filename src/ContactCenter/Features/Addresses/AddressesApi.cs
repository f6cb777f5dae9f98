using System.Text;
using ContactCenter.Infrastructure.Security;

namespace ContactCenter.Features.Addresses;

/// <summary>Address register administration. The search itself (<c>GET /api/v1/addresses?q=</c>) is mapped with the reference data.</summary>
public static class AddressesApi
{
    public const long MaxImportBytes = 20 * 1024 * 1024;

    public static IEndpointRouteBuilder MapAddressEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/addresses").RequireAuthorization().WithTags("Addresses");
        api.MapPost("/import", async (HttpContext http, AddressImport import, CancellationToken ct) =>
        {
            var actor = http.Actor();
            if (!actor.IsAdministrator)
                throw new Infrastructure.Errors.ForbiddenException(Infrastructure.Text.Get("error.forbidden"));
            if (http.Request.ContentLength is > MaxImportBytes)
                throw Infrastructure.Errors.AppValidationException.For("file", Infrastructure.Text.Get("import.tooLarge", MaxImportBytes / 1024 / 1024));
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return TypedResults.Ok(await import.ImportAsync(reader, actor, ct));
        })
        .Accepts<string>("text/csv")
        .WithName("ImportAddresses")
        .WithSummary("Imports the address register from CSV (administrator).")
        .WithDescription("UTF-8 text, separator ';', columns district;street_type;street;former_names;building;lat;lon " +
            "(header optional). former_names separated by '|'; empty building adds the street only; lat/lon decimals with a dot. " +
            "Upserts; returns counts and every rejected line with its reason.");
        return app;
    }
}
