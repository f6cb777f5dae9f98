using System.Text.Json;
using ContactCenter.Core.Appeals;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Infrastructure.Errors;

/// <summary>Turns every exception into a ProblemDetails (RFC 9457); never a bare 500 for bad input.</summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        ProblemDetails problem = exception switch
        {
            AppValidationException v => new ValidationProblemDetails(v.Errors)
            {
                Status = 400,
                Title = Text.Get("error.validation"),
                Detail = v.Detail,
            },
            BadHttpRequestException { InnerException: JsonException json } => JsonProblem(json),
            JsonException json => JsonProblem(json),
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = Text.Get("error.badRequest"), Detail = bad.Message },
            NotFoundException nf => new ProblemDetails { Status = 404, Title = Text.Get("error.notFound"), Detail = nf.Message },
            ForbiddenException f => new ProblemDetails { Status = 403, Title = Text.Get("error.forbidden"), Detail = f.Message },
            InvalidTransitionException { Reason: InvalidTransitionReason.RoleForbidden } t => new ProblemDetails
            {
                Status = 403,
                Title = Text.Get("error.forbidden"),
                Detail = Text.Get("error.transitionRole", Text.Status(t.From)),
            },
            InvalidTransitionException t => new ProblemDetails
            {
                Status = 409,
                Title = Text.Get("error.conflict"),
                Detail = Text.Get("error.transitionStatus", Text.Status(t.From)),
            },
            ConflictException c => new ProblemDetails { Status = 409, Title = Text.Get("error.conflict"), Detail = c.Message },
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = 409,
                Title = Text.Get("error.conflict"),
                Detail = Text.Get("error.concurrency"),
            },
            RuleViolationException r => new ProblemDetails
            {
                Status = 422,
                Title = Text.Get("error.rule"),
                Detail = r.Message,
                Extensions = { ["code"] = r.Code },
            },
            OperationCanceledException when http.RequestAborted.IsCancellationRequested => new ProblemDetails { Status = 499, Title = "Client closed request" },
            _ => new ProblemDetails { Status = 500, Title = Text.Get("error.internal") },
        };
        if (problem.Status >= 500)
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", http.Request.Method, http.Request.Path);
        http.Response.StatusCode = problem.Status ?? 500;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ValidationProblemDetails JsonProblem(JsonException json)
    {
        var path = string.IsNullOrEmpty(json.Path) ? "body" : json.Path.TrimStart('$', '.');
        return new ValidationProblemDetails(new Dictionary<string, string[]>
        {
            [path.Length == 0 ? "body" : path] = [Text.Get("error.json")],
        })
        {
            Status = 400,
            Title = Text.Get("error.validation"),
        };
    }
}
