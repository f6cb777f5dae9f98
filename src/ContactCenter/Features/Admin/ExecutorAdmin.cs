using System.Globalization;
using ContactCenter.Features.Audit;
using ContactCenter.Features.Categories;
using ContactCenter.Features.Executors;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Features.Admin;

public sealed record ExecutorNode(int Id, string Name, string? ShortName, ExecutorKind Kind, int? ParentId, string? ResponsiblePerson,
    bool IsActive, int Competences, int Staff);

public sealed record StaffInput(string? FullName, string? Position, string? Phone, string? Email, string? UserId, bool IsResponsible);

/// <summary>A staff member; <c>Login</c> is the e-mail of the linked console login (<see cref="StaffLogins"/>).</summary>
public sealed record StaffMemberView(int Id, string FullName, string? Position, string? Phone, string? Email, string? UserId, bool IsResponsible, string? Login = null);

/// <summary>
/// Executor organisations (F3.1, F11.1): the hierarchy, create and edit (name, kind, parent, head, contacts, hours,
/// competences), deactivate, and the staff members of each. Administrator only, audited; the API's
/// <c>POST/PUT /api/v1/executors</c> and the console both call it.
/// </summary>
public sealed class ExecutorAdmin(AppDbContext db, ExecutorDirectory directory, AuditLog audit)
{
    public async Task<IReadOnlyList<ExecutorNode>> TreeAsync(CancellationToken ct) =>
        await db.Executors.AsNoTracking().OrderBy(e => e.Name)
            .Select(e => new ExecutorNode(e.Id, e.Name, e.ShortName, e.Kind, e.ParentId, e.ResponsiblePerson, e.IsActive,
                e.Competences.Count, e.Staff.Count))
            .ToListAsync(ct);

    public async Task<ExecutorView> GetAsync(int id, CancellationToken ct)
    {
        var e = await db.Executors.AsNoTracking().Include(x => x.Competences).Include(x => x.Staff).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(Text.Get("executor.unknown", id));
        return ToView(e);
    }

    public async Task<ExecutorView> CreateAsync(ExecutorInput input, Actor actor, CancellationToken ct)
    {
        AdminGuard.Require(actor);
        var codes = await ValidateAsync(null, input, ct);
        var executor = new Executor { Name = input.Name!.Trim() };
        Apply(executor, input, codes);
        db.Executors.Add(executor);
        await db.SaveChangesAsync(ct);
        audit.Add(actor, "create", "executor", Id(executor.Id), executor.Name);
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        return ToView(executor);
    }

    public async Task<ExecutorView> UpdateAsync(int id, ExecutorInput input, Actor actor, CancellationToken ct)
    {
        AdminGuard.Require(actor);
        var executor = await db.Executors.Include(x => x.Competences).Include(x => x.Staff).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(Text.Get("executor.unknown", id));
        var codes = await ValidateAsync(id, input, ct);
        Apply(executor, input, codes);
        audit.Add(actor, "update", "executor", Id(id), $"{executor.Name}; parent {executor.ParentId}; {string.Join(",", codes)}");
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        return ToView(executor);
    }

    /// <summary>An executor is never deleted (appeals keep pointing at it); a deactivated one is no longer offered.</summary>
    public async Task SetActiveAsync(int id, bool active, Actor actor, CancellationToken ct)
    {
        AdminGuard.Require(actor);
        var executor = await db.Executors.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(Text.Get("executor.unknown", id));
        executor.IsActive = active;
        audit.Add(actor, active ? "activate" : "deactivate", "executor", Id(id));
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
    }

    /// <summary>Staff with their phones and e-mails: personal data of employees, so the administrator's only.</summary>
    public async Task<IReadOnlyList<StaffMemberView>> StaffAsync(int executorId, Actor actor, CancellationToken ct)
    {
        AdminGuard.Require(actor);
        return await (from s in db.ExecutorStaff.AsNoTracking()
                      where s.ExecutorId == executorId
                      join u in db.Users on s.UserId equals u.Id into login
                      from u in login.DefaultIfEmpty()
                      orderby s.IsResponsible descending, s.FullName
                      select new StaffMemberView(s.Id, s.FullName, s.Position, s.Phone, s.Email, s.UserId, s.IsResponsible, u == null ? null : u.Email))
            .ToListAsync(ct);
    }

    public async Task<StaffMemberView> SaveStaffAsync(int executorId, int? staffId, StaffInput input, Actor actor, CancellationToken ct)
    {
        AdminGuard.Require(actor);
        if (!await db.Executors.AnyAsync(e => e.Id == executorId, ct))
            throw new NotFoundException(Text.Get("executor.unknown", executorId));
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.FullName))
            errors.Add("fullName", Text.Get("field.required"));
        errors.ThrowIfAny();
        ExecutorStaffMember member;
        if (staffId is { } sid)
            member = await db.ExecutorStaff.FirstOrDefaultAsync(s => s.Id == sid && s.ExecutorId == executorId, ct) ?? throw new NotFoundException(Text.Get("error.notFound"));
        else
            member = db.ExecutorStaff.Add(new ExecutorStaffMember { ExecutorId = executorId, FullName = "" }).Entity;
        // A login given here follows the same rules as linking one (one each way, same organisation, an executor role).
        if (Blank(input.UserId) is { } uid && uid != member.UserId)
            await StaffLogins.EnsureLinkableAsync(db, member, uid, ct);
        member.FullName = input.FullName!.Trim();
        member.Position = Blank(input.Position);
        member.Phone = Blank(input.Phone);
        member.Email = Blank(input.Email);
        member.UserId = Blank(input.UserId);
        member.IsResponsible = input.IsResponsible;
        await db.SaveChangesAsync(ct);
        audit.Add(actor, staffId is null ? "create" : "update", "executorStaff", Id(member.Id), $"executor {executorId}; {member.FullName}");
        await db.SaveChangesAsync(ct);
        var login = member.UserId is { } linked ? await db.Users.AsNoTracking().Where(u => u.Id == linked).Select(u => u.Email).FirstOrDefaultAsync(ct) : null;
        return new StaffMemberView(member.Id, member.FullName, member.Position, member.Phone, member.Email, member.UserId, member.IsResponsible, login);
    }

    public async Task RemoveStaffAsync(int executorId, int staffId, Actor actor, CancellationToken ct)
    {
        AdminGuard.Require(actor);
        var member = await db.ExecutorStaff.FirstOrDefaultAsync(s => s.Id == staffId && s.ExecutorId == executorId, ct)
            ?? throw new NotFoundException(Text.Get("error.notFound"));
        db.ExecutorStaff.Remove(member);
        audit.Add(actor, "delete", "executorStaff", Id(staffId), $"executor {executorId}; {member.FullName}");
        await db.SaveChangesAsync(ct);
    }

    private async Task<List<string>> ValidateAsync(int? id, ExecutorInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Name))
            errors.Add("name", Text.Get("field.required"));
        else if (input.Name.Length > 300)
            errors.Add("name", Text.Get("field.tooLong", 300));
        if (input.ParentId is { } p)
        {
            if (!await db.Executors.AnyAsync(x => x.Id == p, ct))
                errors.Add("parentId", Text.Get("executor.unknown", p));
            // The hierarchy stays a tree: a unit cannot be placed under itself or under a unit below it.
            else if (id is { } self && (await directory.ScopeOfAsync(self, ct)).Contains(p))
                errors.Add("parentId", Text.Get("admin.tree.cycle"));
        }
        var codes = input.Competences?.Where(c => c.Length > 0).Distinct().ToList() ?? [];
        var known = await db.Categories.Where(c => codes.Contains(c.Code)).Select(c => c.Code).ToListAsync(ct);
        foreach (var unknown in codes.Except(known))
            errors.Add("competences", Text.Get("category.unknown", unknown));
        errors.ThrowIfAny();
        return codes;
    }

    private void Apply(Executor executor, ExecutorInput input, List<string> codes)
    {
        executor.Name = input.Name!.Trim();
        executor.ShortName = Blank(input.ShortName);
        executor.Kind = input.Kind ?? executor.Kind;
        executor.ParentId = input.ParentId;
        executor.ResponsiblePerson = Blank(input.ResponsiblePerson);
        executor.Phone = Blank(input.Phone);
        executor.Email = Blank(input.Email);
        executor.WorkingHours = Blank(input.WorkingHours);
        var removed = executor.Competences.Where(c => !codes.Contains(c.CategoryCode)).ToList();
        foreach (var c in removed)
        {
            executor.Competences.Remove(c);
            if (executor.Id != 0)
                db.ExecutorCompetences.Remove(c);
        }
        foreach (var code in codes.Where(c => executor.Competences.All(x => x.CategoryCode != c)))
            executor.Competences.Add(new ExecutorCompetence { CategoryCode = code });
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    public static ExecutorView ToView(Executor e) => new(e.Id, e.Name, e.ShortName, e.Kind, e.ParentId, e.ResponsiblePerson, e.Phone, e.Email,
        e.WorkingHours, e.IsActive, e.Competences.Select(c => c.CategoryCode).OrderBy(c => c).ToList(),
        e.Staff.Select(s => new StaffView(s.Id, s.FullName, s.Position, s.IsResponsible)).ToList());
}
