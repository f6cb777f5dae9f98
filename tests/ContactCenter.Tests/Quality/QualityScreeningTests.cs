using System.Net;
using ContactCenter.Features.Appeals;
using ContactCenter.Features.Control;
using ContactCenter.Features.Email;
using ContactCenter.Tests.Portal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace ContactCenter.Tests.Quality;

/// <summary>F5.4: the intake gate — blocked contacts refused politely, hate-speech terms held for an operator.</summary>
public abstract class QualityScreeningTests<TApp>(TApp app) where TApp : AppFixture
{
    private async Task<string> AddTermAsync()
    {
        var term = "злослово" + Guid.NewGuid().ToString("N")[..6];
        var (status, body) = await app.Admin().PostJsonAsync("/api/v1/screening/terms", new { term });
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(term, body.GetProperty("term").GetString());
        return term;
    }

    [Fact]
    public void Match_FindsTermsAtWordStartsInAnyCase_NotInsideWords()
    {
        Assert.Equal(["погань"], IntakeScreening.Match(["погань"], "Це ПОГАНЬЮ назвали сусіда"));
        Assert.Empty(IntakeScreening.Match(["погань"], "непогано зробили"));
        Assert.Empty(IntakeScreening.Match(["погань"], null));
    }

    [Fact]
    public async Task Portal_TextWithTerm_IsHeldNotRegistered_OperatorReleasesIt()
    {
        var term = await AddTermAsync();
        var client = PortalForms.NewClient(app);
        var phone = Appeals.NewPhone();
        var fields = PortalForms.Valid($"Сусід {term.ToUpperInvariant()} знову заливає під'їзд", phone);
        var response = await PortalForms.PostAsync(client, await PortalForms.OpenFormAsync(client), fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/appeal/held", response.Headers.Location!.ToString());
        var page = await client.GetStringAsync("/appeal/held");
        Assert.Contains("буде переглянуте оператором", page);
        Assert.False(await app.WithDbAsync(db => db.Appeals.AnyAsync(a => a.Applicant.Phone == phone)));

        var (status, held) = await app.Admin().GetJsonAsync("/api/v1/screening/held");
        Assert.Equal(HttpStatusCode.OK, status);
        var item = Assert.Single(held.EnumerateArray(), h => h.GetProperty("phone").GetString() == phone);
        Assert.Equal(term, item.GetProperty("matchedTerms").GetString());
        Assert.Equal("portal", item.GetProperty("source").GetString());

        var op = await app.CreateKeyAsync("operator");
        var id = item.GetProperty("id").GetInt64();
        var (released, view) = await app.Client(op).PostJsonAsync($"/api/v1/screening/held/{id}/release", null);
        Assert.Equal(HttpStatusCode.OK, released);
        var number = view.GetProperty("registrationNumber").GetString()!;
        var appeal = await app.WithDbAsync(db => db.Appeals.AsNoTracking().FirstAsync(a => a.RegistrationNumber == number));
        Assert.Equal(Channel.Web, appeal.Channel);
        Assert.Equal(phone, appeal.Applicant.Phone);
        Assert.NotNull(appeal.TrackingToken);

        // Decided once: a second release is a conflict and registers nothing more.
        var (again, _) = await app.Client(op).PostJsonAsync($"/api/v1/screening/held/{id}/release", null);
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Equal(1, await app.WithDbAsync(db => db.Appeals.CountAsync(a => a.Applicant.Phone == phone)));
    }

    [Fact]
    public async Task Portal_BlockedPhone_RefusedPolitely_NothingStored()
    {
        var phone = Appeals.NewPhone();
        var (blocked, _) = await app.Admin().PostJsonAsync("/api/v1/blocklist", new { kind = "phone", value = phone, reason = "Систематичні образи операторів" });
        Assert.Equal(HttpStatusCode.Created, blocked);
        var client = PortalForms.NewClient(app);
        var response = await PortalForms.PostAsync(client, await PortalForms.OpenFormAsync(client), PortalForms.Valid(phone: phone));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("не можемо прийняти звернення", System.Net.WebUtility.HtmlDecode(html));
        Assert.False(await app.WithDbAsync(db => db.Appeals.AnyAsync(a => a.Applicant.Phone == phone)));
        Assert.False(await app.WithDbAsync(db => db.Set<HeldIntake>().AnyAsync(h => h.Phone == phone)));
    }

    [Fact]
    public async Task Email_TextWithTerm_IsHeld_DiscardKeepsItOutOfTheDrafts_ReleaseMakesADraft()
    {
        var term = await AddTermAsync();
        async Task<(InboundEmail Row, HeldIntake Held)> ReceiveAsync()
        {
            var message = new MimeMessage { Subject = "Скарга", MessageId = $"{Guid.NewGuid():N}@mail.example.test" };
            message.From.Add(new MailboxAddress("Олена", $"o{Guid.NewGuid():N}"[..12] + "@example.test"));
            message.Body = new TextPart("plain") { Text = $"Ці {term}и знову не вивезли сміття" };
            using (var scope = app.Services.CreateScope())
                Assert.NotNull(await scope.ServiceProvider.GetRequiredService<EmailIntake>().ProcessAsync(message, CancellationToken.None));
            var row = await app.WithDbAsync(db => db.Set<InboundEmail>().AsNoTracking().FirstAsync(e => e.MessageId == message.MessageId));
            var held = await app.WithDbAsync(db => db.Set<HeldIntake>().AsNoTracking().FirstAsync(h => h.SourceRef == message.MessageId));
            return (row, held);
        }

        var (first, firstHeld) = await ReceiveAsync();
        Assert.Equal(InboundEmailOutcome.Held, first.Outcome);
        Assert.Equal("email", firstHeld.Source);
        var (_, drafts) = await app.Admin().GetJsonAsync("/api/v1/email/drafts");
        Assert.DoesNotContain(drafts.EnumerateArray(), d => d.GetProperty("id").GetInt64() == first.Id);

        var (noReason, _) = await app.Admin().PostJsonAsync($"/api/v1/screening/held/{firstHeld.Id}/discard", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason);
        var (discarded, _) = await app.Admin().PostJsonAsync($"/api/v1/screening/held/{firstHeld.Id}/discard", new { reason = "Образи без суті звернення" });
        Assert.Equal(HttpStatusCode.OK, discarded);
        Assert.Equal(InboundEmailOutcome.Blocked, (await app.WithDbAsync(db => db.Set<InboundEmail>().AsNoTracking().FirstAsync(e => e.Id == first.Id))).Outcome);

        var (second, secondHeld) = await ReceiveAsync();
        var (released, _) = await app.Admin().PostJsonAsync($"/api/v1/screening/held/{secondHeld.Id}/release", null);
        Assert.Equal(HttpStatusCode.OK, released);
        (_, drafts) = await app.Admin().GetJsonAsync("/api/v1/email/drafts");
        Assert.Contains(drafts.EnumerateArray(), d => d.GetProperty("id").GetInt64() == second.Id);
    }

    [Fact]
    public async Task Terms_OnlySupervisorsEdit_OperatorsReview()
    {
        var op = await app.CreateKeyAsync("operator");
        var (forbidden, _) = await app.Client(op).PostJsonAsync("/api/v1/screening/terms", new { term = "щосьтаке" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden);
        var (ok, _) = await app.Client(op).GetJsonAsync("/api/v1/screening/held");
        Assert.Equal(HttpStatusCode.OK, ok);
        var executor = await app.CreateExecutorAsync("КП " + Guid.NewGuid().ToString("N")[..6]);
        var exec = await app.CreateKeyAsync("executor", executor);
        var (no, _) = await app.Client(exec).GetJsonAsync("/api/v1/screening/held");
        Assert.Equal(HttpStatusCode.Forbidden, no);
    }
}

public sealed class QualityScreeningTests_Sqlite(SqliteApp app) : QualityScreeningTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class QualityScreeningTests_Postgres(PostgresApp app) : QualityScreeningTests<PostgresApp>(app), IClassFixture<PostgresApp>;
