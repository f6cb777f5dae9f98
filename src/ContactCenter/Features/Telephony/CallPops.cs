using System.Text.Json;
using System.Threading.Channels;
using ContactCenter.Core.Appeals;
using ContactCenter.Features.Audit;
using ContactCenter.Features.Identity;
using ContactCenter.Features.Outages;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ContactCenter.Features.Telephony;

/// <summary>An inbound call was answered by this operator (<see cref="UserId"/>): their console pops the caller.</summary>
public sealed record CallPop(string UserId, long CallId, string PbxCallId, string? Phone, DateTimeOffset At, string Origin);

/// <summary>
/// Screen pop (F2.1): the per-operator call event bus. Works like <c>AppealEventBus</c>: subscribers on this instance get
/// a pop at once; on PostgreSQL it also travels by <c>NOTIFY call_pops</c> to every other instance, where
/// <see cref="CallPopListener"/> delivers it to that instance's consoles. Each console keeps the pops of its own user.
/// </summary>
public sealed class CallPopBus(ILogger<CallPopBus> logger)
{
    public const string PgChannel = "call_pops";
    public string InstanceId { get; } = Guid.NewGuid().ToString("N")[..12];

    private readonly Lock _gate = new();
    private readonly List<Channel<CallPop>> _subscribers = [];

    public sealed class Subscription(CallPopBus bus, Channel<CallPop> channel) : IDisposable
    {
        public ChannelReader<CallPop> Reader => channel.Reader;

        public void Dispose() => bus.Remove(channel);
    }

    public Subscription Subscribe()
    {
        var channel = Channel.CreateBounded<CallPop>(new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_gate)
            _subscribers.Add(channel);
        return new Subscription(this, channel);
    }

    public void Deliver(CallPop pop)
    {
        Channel<CallPop>[] targets;
        lock (_gate)
            targets = [.. _subscribers];
        foreach (var t in targets)
            t.Writer.TryWrite(pop);
        logger.LogDebug("Call pop {CallId} for {User} delivered to {Count} consoles", pop.PbxCallId, pop.UserId, targets.Length);
    }

    private void Remove(Channel<CallPop> channel)
    {
        lock (_gate)
            _subscribers.Remove(channel);
        channel.Writer.TryComplete();
    }
}

/// <summary>What the pop shows: the caller (from their latest appeal), their appeals, and active outages at their address.</summary>
public sealed record CallerAppealView(string RegistrationNumber, AppealStatus Status, DateTimeOffset RegisteredAt, string CategoryCode, string Description, bool Open);

public sealed record CallerOutageView(long Id, OutageType Type, string Information, DateTimeOffset StartsAt, DateTimeOffset? ExpectedEndAt);

public sealed record CallerPopView(
    long CallId, string PbxCallId, string? Phone, DateTimeOffset? AnsweredAt, bool Known, string? FullName, string? Address,
    IReadOnlyList<CallerAppealView> OpenAppeals, IReadOnlyList<CallerAppealView> EarlierAppeals, IReadOnlyList<CallerOutageView> Outages)
{
    /// <summary>The registration screen, prefilled with the caller's number and linked to this call.</summary>
    public string RegisterHref => $"/console/register?phone={Uri.EscapeDataString(Phone ?? "")}&callId={CallId}";
}

/// <summary>
/// The CTI side of the screen pop: finds the operator a CTI <c>answer</c> names (PBX extension, login or e-mail),
/// announces the pop, builds the caller's view, and links an appeal registered during the call to it.
/// </summary>
public sealed class CallPops(AppDbContext db, CallPopBus bus, OutageService outages, AuditLog audit, TimeProvider time, ILogger<CallPops> logger)
{
    public const int MaxAppeals = 20;

    public static void AddCallPops(IServiceCollection services)
    {
        services.AddSingleton<CallPopBus>();
        services.AddScoped<CallPops>();
        services.AddHostedService<CallPopListener>();
    }

    public static void ConfigureModel(ModelBuilder b) => b.Entity<AppUser>(e =>
    {
        e.Property(u => u.Extension).HasMaxLength(20);
        e.HasIndex(u => u.Extension).IsUnique();
    });

    /// <summary>The user a CTI event's <c>user</c> field names: an extension first, then a login or e-mail (any case).</summary>
    public async Task<AppUser?> OperatorAsync(string user, CancellationToken ct)
    {
        var value = user.Trim();
        var upper = value.ToUpperInvariant();
        var found = await db.Users.AsNoTracking().Where(u => u.Extension == value).FirstOrDefaultAsync(ct)
            ?? await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == upper || u.NormalizedEmail == upper).OrderBy(u => u.Id).FirstOrDefaultAsync(ct);
        return found;
    }

    /// <summary>After an inbound call's <c>answer</c> is committed: pop the caller on the answering operator's consoles.</summary>
    public async Task AnsweredAsync(string pbxCallId, string user, CancellationToken ct)
    {
        var call = await db.Set<Call>().AsNoTracking().FirstOrDefaultAsync(c => c.CallId == pbxCallId, ct);
        if (call is null || call.Direction != CallDirection.In || call.EndedAt is not null)
            return; // an outbound call, or the answer arrived after the hang-up: nobody is on the line any more
        var op = await OperatorAsync(user, ct);
        if (op is null)
        {
            logger.LogInformation("CTI answer of {CallId} names {User}, who is no console user (set their extension)", pbxCallId, user);
            return;
        }
        var pop = new CallPop(op.Id, call.Id, call.CallId, call.Phone, time.GetUtcNow(), bus.InstanceId);
        bus.Deliver(pop);
        if (!db.IsPostgres)
            return;
        try
        {
            var payload = JsonSerializer.Serialize(pop, Web);
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({CallPopBus.PgChannel}, {payload})", ct);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            logger.LogWarning(e, "Could not send the pop of {CallId} to other instances", pbxCallId);
        }
    }

    /// <summary>The caller's card for the operator: a read of personal data, audited.</summary>
    public async Task<CallerPopView> ViewAsync(long callId, Actor actor, CancellationToken ct)
    {
        if (actor.Role is not (Roles.Operator or Roles.Supervisor or Roles.Administrator))
            throw new ForbiddenException(Text.Get("error.forbidden"));
        var call = await db.Set<Call>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, ct)
            ?? throw new NotFoundException(Text.Get("call.notFound", callId));
        var phone = call.Phone;
        var appeals = phone is null || !phone.StartsWith('+') ? [] : await db.Appeals.AsNoTracking()
            .Where(a => a.Applicant.Phone == phone)
            .OrderByDescending(a => a.RegisteredAt).ThenByDescending(a => a.Id).Take(MaxAppeals)
            .Select(a => new
            {
                a.RegistrationNumber,
                a.Status,
                a.RegisteredAt,
                a.Description,
                a.Applicant.FullName,
                a.Applicant.Address,
                Category = a.Questions.OrderBy(q => q.Number).Select(q => q.CategoryCode).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var latest = appeals.FirstOrDefault();
        var views = appeals.Select(a => new CallerAppealView(a.RegistrationNumber, a.Status, a.RegisteredAt, a.Category ?? "",
            a.Description.Length > 160 ? a.Description[..160] + "…" : a.Description, AppealStateMachine.IsOpen(a.Status))).ToList();
        IReadOnlyList<CallerOutageView> active = [];
        if (latest?.Address is { Length: > 0 } address)
        {
            try
            {
                active = (await outages.AtAsync(address, null, ct)).Outages.Where(o => o.Status == OutageStatus.Active)
                    .Select(o => new CallerOutageView(o.Id, o.Type, o.Information, o.StartsAt, o.ExpectedEndAt)).ToList();
            }
            catch (Exception e) when (e is AppValidationException or NotFoundException)
            {
                logger.LogDebug(e, "No outages for the caller's address");
            }
        }
        await audit.RecordReadAsync(actor, "caller", phone, "screen pop, call " + call.CallId, ct);
        return new CallerPopView(call.Id, call.CallId, phone, call.AnsweredAt, latest is not null, latest?.FullName, latest?.Address,
            views.Where(v => v.Open).ToList(), views.Where(v => !v.Open).ToList(), active);
    }

    /// <summary>
    /// Links an appeal registered during the call to it (the registration screen calls this with the <c>callId</c> it was
    /// opened with); its recording then belongs to the appeal too. Linking twice changes nothing.
    /// </summary>
    public async Task LinkAsync(long callId, string registrationNumber, Actor actor, CancellationToken ct)
    {
        if (actor.Role is not (Roles.Operator or Roles.Supervisor or Roles.Administrator))
            throw new ForbiddenException(Text.Get("error.forbidden"));
        var call = await db.Set<Call>().AsNoTracking().Where(c => c.Id == callId).Select(c => new { c.Id, c.CallId }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException(Text.Get("call.notFound", callId));
        var appealId = await db.Appeals.Where(a => a.RegistrationNumber == registrationNumber).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException(Text.Get("appeal.notFound", registrationNumber));
        if (await db.Set<CallAppeal>().AnyAsync(l => l.CallId == call.Id && l.AppealId == appealId, ct))
            return;
        audit.Add(actor, "link", "call", call.CallId, "appeal " + registrationNumber);
        await CallLinks.LinkAsync(db, call.Id, appealId, time.GetUtcNow(), ct); // one place inserts the link; saves the audit entry with it
    }

    /// <summary>An administrator sets (or clears) an operator's PBX extension.</summary>
    public async Task<(string UserName, string? Extension)> SetExtensionAsync(string userName, string? extension, Actor actor, CancellationToken ct)
    {
        if (!actor.IsAdministrator)
            throw new ForbiddenException(Text.Get("error.forbidden"));
        var value = extension?.Trim() is { Length: > 0 } x ? x : null;
        if (value is { Length: > 20 })
            throw AppValidationException.For("extension", Text.Get("field.tooLong", 20));
        var upper = userName.Trim().ToUpperInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == upper || u.NormalizedEmail == upper, ct)
            ?? throw new NotFoundException(Text.Get("user.notFound", userName));
        if (value is not null && await db.Users.AnyAsync(u => u.Extension == value && u.Id != user.Id, ct))
            throw new ConflictException(Text.Get("extension.taken", value));
        user.Extension = value;
        audit.Add(actor, "update", "user", user.UserName, "extension=" + (value ?? "—"));
        await db.SaveChangesAsync(ct);
        return (user.UserName!, value);
    }

    internal static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
}

public sealed record ExtensionRequest(string? Extension);

public static class CallPopsApi
{
    public static IEndpointRouteBuilder MapCallPopEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/telephony").WithTags("Telephony").RequireAuthorization();
        g.MapPut("/operators/{userName}/extension", async (string userName, ExtensionRequest body, CallPops pops, HttpContext http, CancellationToken ct) =>
            {
                var (name, extension) = await pops.SetExtensionAsync(userName, body.Extension, http.Actor(), ct);
                return TypedResults.Ok(new { userName = name, extension });
            })
            .WithName("SetOperatorExtension")
            .WithSummary("Administrator: the operator's PBX extension; a CTI answer event names the operator by it (or by login / e-mail).");
        g.MapGet("/calls/{id:long}/caller", async (long id, CallPops pops, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await pops.ViewAsync(id, http.Actor(), ct)))
            .WithName("CallerPop")
            .WithSummary("What the screen pop shows for a call: the caller's card, open and earlier appeals, active outages at their address.");
        return app;
    }
}

/// <summary>Hands other instances' pops (PostgreSQL <c>NOTIFY call_pops</c>) to this instance's consoles.</summary>
public sealed class CallPopListener(CallPopBus bus, IOptions<ContactCenterOptions> options, ILogger<CallPopListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Database.Provider != DatabaseProvider.Postgres)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(options.Value.Database.EffectiveConnectionString)
                {
                    Pooling = false,
                    KeepAlive = 30,
                }.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => OnNotification(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {CallPopBus.PgChannel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                while (!stoppingToken.IsCancellationRequested)
                    await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Call pop listener lost its connection; retrying");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private void OnNotification(string payload)
    {
        try
        {
            var pop = JsonSerializer.Deserialize<CallPop>(payload, CallPops.Web);
            if (pop is not null && pop.Origin != bus.InstanceId)
                bus.Deliver(pop);
        }
        catch (JsonException e)
        {
            logger.LogWarning(e, "Ignoring a malformed call pop");
        }
    }
}
