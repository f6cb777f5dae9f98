using ContactCenter.Features.Appeals;
using ContactCenter.Features.Knowledge;
using ContactCenter.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactCenter.Features.Consultations;

public sealed record KnowledgeArticleView(int Id, string Title, string Body, string? CategoryCode, bool IsPublic, DateTimeOffset UpdatedAt);

/// <summary><c>/api/v1/knowledge</c> (search, one article) and <c>/api/v1/consultations</c> (F7, F1.8).</summary>
public static class ConsultationsApi
{
    public static IEndpointRouteBuilder MapConsultationEndpoints(this IEndpointRouteBuilder app)
    {
        var knowledge = app.MapGroup("/api/v1/knowledge").WithTags("Knowledge").RequireAuthorization();
        knowledge.MapGet("/", async (string? q, string? category, int? limit, KnowledgeSearch search, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await search.SearchAsync(q, http.Actor(), category, limit ?? 10, ct)))
            .WithName("SearchKnowledge")
            .WithSummary("Knowledge-base articles containing the words of q, best match first (staff also see internal articles).");
        knowledge.MapGet("/{id:int}", async (int id, KnowledgeSearch search, HttpContext http, CancellationToken ct) =>
        {
            var a = await search.GetAsync(id, http.Actor(), ct);
            return TypedResults.Ok(new KnowledgeArticleView(a.Id, a.Title, a.Body, a.CategoryCode, a.IsPublic, a.UpdatedAt));
        }).WithName("ReadKnowledgeArticle").WithSummary("One article, as operators and integrations read it.");

        var consultations = app.MapGroup("/api/v1/consultations").WithTags("Knowledge").RequireAuthorization();
        consultations.MapPost("/", async Task<Created<ConsultationView>> (ConsultationInput body, ConsultationService service, HttpContext http, CancellationToken ct) =>
        {
            var view = await service.LogAsync(body, http.Actor(), ct);
            return TypedResults.Created($"/api/v1/consultations/{view.Id}", view);
        }).WithName("LogConsultation").WithSummary("Logs a consultation given on the spot (F1.8): not an appeal.").ProducesValidationProblem();
        consultations.MapGet("/", async (DateTimeOffset? from, DateTimeOffset? to, string? phone, int? page, int? pageSize, ConsultationService service, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await service.ListAsync(from, to, phone, page ?? 1, pageSize ?? 20, http.Actor(), ct)))
            .WithName("ListConsultations").WithSummary("Consultations, newest first; filter by time and caller phone.")
            .Produces<PagedResult<ConsultationView>>();
        return app;
    }
}
