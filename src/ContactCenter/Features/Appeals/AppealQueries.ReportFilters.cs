using System.Linq.Expressions;
using ContactCenter.Core.Appeals;
using ContactCenter.Infrastructure.Errors;

namespace ContactCenter.Features.Appeals;

/// <summary>
/// The list filters behind the dashboard's question-level figures (issue 8), so each figure opens a list of exactly as
/// many appeals: closed in a period (<c>closedFrom/closedTo</c>), closed (<c>closed</c>), closed on time or late
/// (<c>closedOnTime</c>), rated N (<c>rating</c>), rated (<c>rated</c>), and <c>sameQuestion</c>.
/// Each selects the appeals having ONE question that meets all of them together with the list's executor, category and
/// district filters (a question of that executor closed today, not an appeal of that executor with some question closed
/// today); <c>sameQuestion=true</c> asks the same of the executor, category, district, <c>overdue</c>, <c>open</c> and
/// <c>reworked</c> filters, as the filtered dashboard counts them.
/// </summary>
public sealed partial class AppealQueries
{
    private IQueryable<Appeal> ReportFilters(IQueryable<Appeal> query, AppealSearch s)
    {
        if (s.Rating is < 1 or > 5)
        {
            var errors = new ValidationErrors();
            errors.Add("rating", "1 … 5");
            errors.ThrowIfAny();
        }
        var questionLevel = s.ClosedFrom is not null || s.ClosedTo is not null || s.Closed is not null || s.ClosedOnTime is not null
            || s.Rating is not null || s.Rated is not null;
        if (!questionLevel && s.SameQuestion != true)
            return query;

        // The question: the list's own question filters, then the report filters, all on one question.
        Expression<Func<Question, bool>> match = q => true;
        if (s.ExecutorId is { } executor)
            match = And(match, q => q.ExecutorId == executor);
        if (!string.IsNullOrWhiteSpace(s.CategoryCode))
        {
            var code = s.CategoryCode.Trim();
            match = And(match, q => q.CategoryCode == code);
        }
        if (s.DistrictId is { } district)
            match = And(match, q => q.Location.DistrictId == district);
        if (s.SameQuestion == true)
        {
            var open = AppealStateMachine.OpenStatuses.ToList();
            var now = time.GetUtcNow();
            if (s.Open == true)
                match = And(match, q => open.Contains(q.Status));
            if (s.Overdue == true)
                match = And(match, q => q.DueAt != null && q.DueAt < now && open.Contains(q.Status));
            if (s.Reworked == true)
                match = And(match, q => q.ReworkCount > 0);
        }
        if (s.ClosedFrom is { } closedFrom)
            match = And(match, q => q.ClosedAt >= closedFrom);
        if (s.ClosedTo is { } closedTo)
            match = And(match, q => q.ClosedAt <= closedTo);
        if (s.Rating is { } rating)
            match = And(match, q => q.VerificationRating == rating);

        Expression<Func<Question, bool>> closed = q => q.ClosedAt != null;
        // Late: closed after its deadline (DeadlineCalculator.IsOverdue at the closing instant).
        Expression<Func<Question, bool>> late = q => q.ClosedAt != null && q.DueAt != null && q.ClosedAt > q.DueAt;
        Expression<Func<Question, bool>> rated = q => q.VerificationRating != null;

        var positive = match;
        if (s.Closed == true || s.ClosedOnTime == true)
            positive = And(positive, closed);
        if (s.ClosedOnTime == false)
            positive = And(positive, late);
        if (s.Rated == true)
            positive = And(positive, rated);
        query = query.Where(Any(positive));
        if (s.Closed == false)
            query = query.Where(Not(Any(And(match, closed))));
        if (s.ClosedOnTime == true)
            query = query.Where(Not(Any(And(match, late))));
        if (s.Rated == false)
            query = query.Where(Not(Any(And(match, rated))));
        return query;
    }

    /// <summary><c>a =&gt; a.Questions.Any(question)</c>.</summary>
    private static Expression<Func<Appeal, bool>> Any(Expression<Func<Question, bool>> question)
    {
        var a = Expression.Parameter(typeof(Appeal), "a");
        var questions = Expression.Property(a, nameof(Appeal.Questions));
        var any = Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(Question)], questions, question);
        return Expression.Lambda<Func<Appeal, bool>>(any, a);
    }

    private static Expression<Func<Question, bool>> And(Expression<Func<Question, bool>> left, Expression<Func<Question, bool>> right)
    {
        var body = new Rebind(right.Parameters[0], left.Parameters[0]).Visit(right.Body);
        return Expression.Lambda<Func<Question, bool>>(Expression.AndAlso(left.Body, body), left.Parameters);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
