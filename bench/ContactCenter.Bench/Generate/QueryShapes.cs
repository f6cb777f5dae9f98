using ContactCenter.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Bench.Generate;

/// <summary>
/// <c>query-shapes</c>: prints the SQL that EF Core makes, on the app's PostgreSQL model, of the appeal list's
/// "first question" projection as AppealQueries.SearchAsync writes it and of the shape recommended in
/// docs/benchmarks.md. No database is contacted.
/// </summary>
internal static class QueryShapes
{
    public static int Run()
    {
        var builder = new DbContextOptionsBuilder<PostgresAppDbContext>();
        DatabaseServiceCollectionExtensions.ConfigurePostgres(builder, "Host=localhost;Database=query_shapes");
        using var db = new PostgresAppDbContext(builder.Options);
        const string phone = "+380501234567";

        var current = db.Appeals.AsNoTracking()
            .Where(a => a.Applicant.Phone == phone)
            .OrderByDescending(a => a.ReceivedAt).ThenByDescending(a => a.Id)
            .Skip(0).Take(20)
            .Select(a => new
            {
                Appeal = a,
                First = a.Questions.OrderBy(q => q.Number).Select(q => new { q.CategoryCode, q.ExecutorId }).First(),
                Count = a.Questions.Count,
            });
        Console.WriteLine("-- current (AppealQueries.SearchAsync)");
        Console.WriteLine(current.ToQueryString());

        var proposed = db.Appeals.AsNoTracking()
            .Where(a => a.Applicant.Phone == phone)
            .OrderByDescending(a => a.ReceivedAt).ThenByDescending(a => a.Id)
            .Skip(0).Take(20)
            .Select(a => new
            {
                a.RegistrationNumber,
                a.Status,
                a.ReceivedAt,
                a.DueAt,
                a.Channel,
                a.Kind,
                a.Priority,
                a.Description,
                a.HideIdentity,
                a.Applicant,
                FirstCategoryCode = a.Questions.OrderBy(q => q.Number).Select(q => q.CategoryCode).FirstOrDefault(),
                FirstExecutorId = a.Questions.OrderBy(q => q.Number).Select(q => q.ExecutorId).FirstOrDefault(),
                Count = a.Questions.Count,
            });
        Console.WriteLine();
        Console.WriteLine("-- proposed: scalar subqueries, only the columns the list shows");
        Console.WriteLine(proposed.ToQueryString());

        return 0;
    }
}
