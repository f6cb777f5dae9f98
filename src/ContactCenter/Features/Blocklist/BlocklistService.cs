using ContactCenter.Core.Phones;
using ContactCenter.Features.Audit;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Blocklist;

public sealed record BlockInput(BlockKind? Kind, string? Value, string? Reason, DateTimeOffset? ExpiresAt);

public sealed record BlockView(int Id, BlockKind Kind, string Value, string Reason, string Author, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, bool Active);

/// <summary>Blocked contacts (F5.4). Channels ask <see cref="IsBlockedAsync"/>; supervisors and administrators manage the list.</summary>
public sealed class BlocklistService(AppDbContext db, AuditLog audit, TimeProvider time)
{
    /// <summary>The stored form of a contact, or null when it is not valid for its kind.</summary>
    public static string? Normalize(BlockKind kind, string? value) => kind switch
    {
        BlockKind.Phone => PhoneNormalizer.TryNormalize(value),
        BlockKind.Email => value?.Trim() is { Length: > 3 } e && e.Contains('@') ? e.ToLowerInvariant() : null,
        BlockKind.Telegram => value?.Trim() is { Length: > 0 } t && long.TryParse(t, out _) ? t : null,
        _ => null,
    };

    public async Task<bool> IsBlockedAsync(BlockKind kind, string? value, CancellationToken ct)
    {
        var normalized = Normalize(kind, value);
        if (normalized is null)
            return false;
        var now = time.GetUtcNow();
        return await db.Set<BlockedContact>().AsNoTracking()
            .AnyAsync(b => b.Kind == kind && b.Value == normalized && (b.ExpiresAt == null || b.ExpiresAt > now), ct);
    }

    public async Task<List<BlockView>> ListAsync(Actor actor, bool activeOnly, CancellationToken ct)
    {
        Ensure(actor);
        var now = time.GetUtcNow();
        var rows = await db.Set<BlockedContact>().AsNoTracking()
            .Where(b => !activeOnly || b.ExpiresAt == null || b.ExpiresAt > now)
            .OrderByDescending(b => b.Id).Take(1000).ToListAsync(ct);
        return rows.Select(b => View(b, now)).ToList();
    }

    public async Task<BlockView> CreateAsync(BlockInput input, Actor actor, CancellationToken ct)
    {
        Ensure(actor);
        var block = new BlockedContact { Value = "", Reason = "", AuthorName = actor.Name, AuthorUserId = actor.UserId, CreatedAt = time.GetUtcNow() };
        Apply(block, input);
        db.Add(block);
        audit.Add(actor, "create", "blocklist", null, $"{block.Kind}: {block.Reason}");
        await db.SaveChangesAsync(ct);
        return View(block, time.GetUtcNow());
    }

    public async Task<BlockView> UpdateAsync(int id, BlockInput input, Actor actor, CancellationToken ct)
    {
        Ensure(actor);
        var block = await db.Set<BlockedContact>().FirstOrDefaultAsync(b => b.Id == id, ct)
            ?? throw new NotFoundException(Text.Get("blocklist.notFound", id));
        Apply(block, input);
        audit.Add(actor, "update", "blocklist", id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{block.Kind}: {block.Reason}");
        await db.SaveChangesAsync(ct);
        return View(block, time.GetUtcNow());
    }

    public async Task DeleteAsync(int id, Actor actor, CancellationToken ct)
    {
        Ensure(actor);
        var block = await db.Set<BlockedContact>().FirstOrDefaultAsync(b => b.Id == id, ct)
            ?? throw new NotFoundException(Text.Get("blocklist.notFound", id));
        db.Remove(block);
        audit.Add(actor, "delete", "blocklist", id.ToString(System.Globalization.CultureInfo.InvariantCulture), block.Kind.ToString());
        await db.SaveChangesAsync(ct);
    }

    private void Apply(BlockedContact block, BlockInput input)
    {
        var errors = new ValidationErrors();
        string? value = null;
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
            errors.Add("kind", Text.Get("blocklist.kind.invalid"));
        else if ((value = Normalize(kind, input.Value)) is null)
            errors.Add("value", Text.Get("blocklist.value.invalid"));
        if (string.IsNullOrWhiteSpace(input.Reason))
            errors.Add("reason", Text.Get("field.required"));
        else if (input.Reason.Length > 1000)
            errors.Add("reason", Text.Get("field.tooLong", 1000));
        errors.ThrowIfAny();
        block.Kind = input.Kind!.Value;
        block.Value = value!;
        block.Reason = input.Reason!.Trim();
        block.ExpiresAt = input.ExpiresAt?.ToUniversalTime();
    }

    private static void Ensure(Actor actor)
    {
        if (!actor.IsSupervisorOrAdmin)
            throw new ForbiddenException(Text.Get("error.forbidden"));
    }

    private static BlockView View(BlockedContact b, DateTimeOffset now) =>
        new(b.Id, b.Kind, b.Value, b.Reason, b.AuthorName, b.CreatedAt, b.ExpiresAt, b.ExpiresAt is null || b.ExpiresAt > now);
}

public static class BlocklistApi
{
    public static IEndpointRouteBuilder MapBlocklistEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/blocklist").WithTags("Blocklist").RequireAuthorization();
        group.MapGet("", async (bool? active, BlocklistService blocks, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await blocks.ListAsync(http.Actor(), active ?? false, ct)))
            .WithName("ListBlocks").WithSummary("Blocked phones, e-mails and Telegram users (supervisor, administrator).");
        group.MapPost("", async (BlockInput input, BlocklistService blocks, HttpContext http, CancellationToken ct) =>
        {
            var view = await blocks.CreateAsync(input, http.Actor(), ct);
            return TypedResults.Created($"/api/v1/blocklist/{view.Id}", view);
        }).WithName("CreateBlock").WithSummary("Blocks a contact on every channel, with a reason and an optional expiry.");
        group.MapPut("/{id:int}", async (int id, BlockInput input, BlocklistService blocks, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await blocks.UpdateAsync(id, input, http.Actor(), ct)))
            .WithName("UpdateBlock");
        group.MapDelete("/{id:int}", async (int id, BlocklistService blocks, HttpContext http, CancellationToken ct) =>
        {
            await blocks.DeleteAsync(id, http.Actor(), ct);
            return TypedResults.NoContent();
        }).WithName("DeleteBlock").WithSummary("Lifts a block.");
        return app;
    }
}
