using System.Net;
using ContactCenter.Features.Control;
using ContactCenter.Tests.Portal;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Tests.Control;

/// <summary>F5.4: a held portal submission keeps its photos; released, they go to the appeal; discarded, they are deleted.</summary>
public abstract class HeldIntakeFilesTests<TApp>(TApp app) where TApp : AppFixture
{
    private async Task<(long Id, string Phone)> HeldWithPhotoAsync()
    {
        var term = "злослово" + Guid.NewGuid().ToString("N")[..6];
        var (created, _) = await app.Admin().PostJsonAsync("/api/v1/screening/terms", new { term });
        Assert.Equal(HttpStatusCode.Created, created);
        var client = PortalForms.NewClient(app);
        var phone = Appeals.NewPhone();
        var response = await PortalForms.PostAsync(client, await PortalForms.OpenFormAsync(client),
            PortalForms.Valid($"Сусід {term} знову заливає під'їзд", phone), ("pidyizd.png", PortalForms.Png));
        Assert.Equal("/appeal/held", response.Headers.Location!.ToString());
        var id = await app.WithDbAsync(db => db.Set<HeldIntake>().Where(h => h.Phone == phone).Select(h => h.Id).SingleAsync());
        return (id, phone);
    }

    [Fact]
    public async Task Release_HeldPortalSubmissionWithPhoto_AppealGetsThePhoto_HeldCopyDeleted()
    {
        var (id, phone) = await HeldWithPhotoAsync();
        var op = await app.CreateKeyAsync("operator");
        var (listed, held) = await app.Client(op).GetJsonAsync("/api/v1/screening/held");
        Assert.Equal(HttpStatusCode.OK, listed);
        var item = Assert.Single(held.EnumerateArray(), h => h.GetProperty("id").GetInt64() == id);
        var file = Assert.Single(item.GetProperty("files").EnumerateArray());
        Assert.Equal("pidyizd.png", file.GetProperty("fileName").GetString());
        Assert.Equal("image/png", file.GetProperty("contentType").GetString());

        // The operator sees the photo before deciding; an executor may not.
        var fileUrl = $"/api/v1/screening/held/{id}/files/{file.GetProperty("id").GetInt64()}";
        Assert.Equal(PortalForms.Png, await app.Client(op).GetByteArrayAsync(fileUrl));
        var executor = await app.CreateKeyAsync("executor", await app.CreateExecutorAsync("Held files executor " + Guid.NewGuid().ToString("N")[..6]));
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Client(executor).GetAsync(fileUrl)).StatusCode);

        var (released, view) = await app.Client(op).PostJsonAsync($"/api/v1/screening/held/{id}/release", null);
        Assert.Equal(HttpStatusCode.OK, released);
        var number = view.GetProperty("registrationNumber").GetString()!;
        var appealId = await app.WithDbAsync(db => db.Appeals.Where(a => a.RegistrationNumber == number).Select(a => a.Id).SingleAsync());
        var attachments = await app.WithDbAsync(db => db.Attachments.AsNoTracking().Where(a => a.AppealId == appealId).ToListAsync());
        var photo = Assert.Single(attachments);
        Assert.Equal("pidyizd.png", photo.FileName);
        Assert.Equal("image/png", photo.ContentType);
        var data = await app.WithDbAsync(db => db.AttachmentContents.AsNoTracking().Where(c => c.AttachmentId == photo.Id).Select(c => c.Data).SingleAsync());
        Assert.Equal(PortalForms.Png, data);
        Assert.False(await app.WithDbAsync(db => db.Set<HeldIntakeFile>().AnyAsync(f => f.HeldIntakeId == id)));
        Assert.Equal(phone, (await app.WithDbAsync(db => db.Appeals.AsNoTracking().SingleAsync(a => a.RegistrationNumber == number))).Applicant.Phone);

        // A second release is refused and attaches nothing more.
        var (again, _) = await app.Client(op).PostJsonAsync($"/api/v1/screening/held/{id}/release", null);
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Equal(1, await app.WithDbAsync(db => db.Attachments.CountAsync(a => a.AppealId == appealId)));
    }

    [Fact]
    public async Task Discard_HeldSubmissionWithPhoto_PhotoDeleted_NothingRegistered()
    {
        var (id, phone) = await HeldWithPhotoAsync();
        Assert.True(await app.WithDbAsync(db => db.Set<HeldIntakeFile>().AnyAsync(f => f.HeldIntakeId == id)));
        var op = await app.CreateKeyAsync("operator");
        var (discarded, view) = await app.Client(op).PostJsonAsync($"/api/v1/screening/held/{id}/discard", new { reason = "Заклики до ворожнечі, ст. 3.4 регламенту" });
        Assert.Equal(HttpStatusCode.OK, discarded);
        Assert.Equal("discarded", view.GetProperty("status").GetString());
        Assert.False(await app.WithDbAsync(db => db.Set<HeldIntakeFile>().AnyAsync(f => f.HeldIntakeId == id)));
        Assert.False(await app.WithDbAsync(db => db.Appeals.AnyAsync(a => a.Applicant.Phone == phone)));
    }
}

public sealed class HeldIntakeFilesTests_Sqlite(SqliteApp app) : HeldIntakeFilesTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class HeldIntakeFilesTests_Postgres(PostgresApp app) : HeldIntakeFilesTests<PostgresApp>(app), IClassFixture<PostgresApp>;
