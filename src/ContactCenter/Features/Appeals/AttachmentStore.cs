using ContactCenter.Features.Audit;
using ContactCenter.Infrastructure;
using ContactCenter.Infrastructure.Data;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContactCenter.Features.Appeals;

/// <summary>
/// Photos, documents and recordings of an appeal (F1.5). The bytes live in the database so that every
/// application instance sees them; the type is checked by content, not by the name the client gave.
/// </summary>
public sealed class AttachmentStore(AppDbContext db, AppealWorkflow workflow, AppealAccess access, AuditLog audit, TimeProvider time, IOptions<ContactCenterOptions> options)
{
    public async Task<Attachment> AddAsync(string number, int? questionNumber, IFormFile? file, bool evidence, Actor actor, CancellationToken ct)
    {
        var appeal = await workflow.LoadAsync(number, ct);
        await access.EnsureCanReadAsync(appeal, actor, ct);
        if (actor.Role is Identity.Roles.Leadership)
            throw new ForbiddenException(Text.Get("error.forbidden"));
        if (questionNumber is not null)
            AppealWorkflow.PickQuestion(appeal, questionNumber);
        var max = options.Value.Attachments.MaxBytes;
        if (file is null || file.Length == 0)
            throw AppValidationException.For("file", Text.Get("attachment.empty"));
        if (file.Length > max)
            throw AppValidationException.For("file", Text.Get("attachment.tooLarge", max / (1024 * 1024)));
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var contentType = FileSignatures.Detect(bytes, file.FileName)
            ?? throw AppValidationException.For("file", Text.Get("attachment.type"));
        var name = Path.GetFileName(file.FileName);
        var attachment = new Attachment
        {
            AppealId = appeal.Id,
            QuestionNumber = questionNumber,
            FileName = string.IsNullOrWhiteSpace(name) ? "file" : name.Length > 200 ? name[^200..] : name,
            ContentType = contentType,
            Size = bytes.Length,
            UploadedAt = time.GetUtcNow(),
            UploadedByUserId = actor.UserId,
            UploadedByName = actor.Name,
            Evidence = evidence,
            Content = new AttachmentContent { Data = bytes },
        };
        db.Attachments.Add(attachment);
        db.AppealHistory.Add(new AppealHistoryEntry
        {
            AppealId = appeal.Id,
            QuestionNumber = questionNumber,
            At = attachment.UploadedAt,
            ActorUserId = actor.UserId,
            ActorName = actor.Name,
            Action = evidence ? "evidenceAttached" : "attached",
            Comment = attachment.FileName,
        });
        audit.Add(actor, "create", "attachment", appeal.RegistrationNumber, attachment.FileName);
        await db.SaveChangesAsync(ct);
        return attachment;
    }

    public async Task<IReadOnlyList<Attachment>> ListAsync(string number, Actor actor, CancellationToken ct)
    {
        var appeal = await workflow.LoadAsync(number, ct);
        await access.EnsureCanReadAsync(appeal, actor, ct);
        return await db.Attachments.AsNoTracking().Where(a => a.AppealId == appeal.Id).OrderBy(a => a.Id).ToListAsync(ct);
    }

    public async Task<(Attachment Meta, byte[] Data)> GetAsync(string number, long id, Actor actor, CancellationToken ct)
    {
        var appeal = await workflow.LoadAsync(number, ct);
        await access.EnsureCanReadAsync(appeal, actor, ct);
        var meta = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.AppealId == appeal.Id, ct)
            ?? throw new NotFoundException(Text.Get("error.notFound"));
        var content = await db.AttachmentContents.AsNoTracking().FirstAsync(c => c.AttachmentId == id, ct);
        await audit.RecordReadAsync(actor, "attachment", appeal.RegistrationNumber, meta.FileName, ct);
        return (meta, content.Data);
    }
}

/// <summary>Recognises the file types we accept by their first bytes.</summary>
public static class FileSignatures
{
    public static string? Detect(ReadOnlySpan<byte> data, string? fileName)
    {
        if (data.Length > 3 && data.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
            return "image/jpeg";
        if (data.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
            return "image/png";
        if (data.StartsWith("GIF87a"u8) || data.StartsWith("GIF89a"u8))
            return "image/gif";
        if (data.Length > 12 && data[..4].SequenceEqual("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8))
            return "image/webp";
        if (data.Length > 12 && data[..4].SequenceEqual("RIFF"u8) && data[8..12].SequenceEqual("WAVE"u8))
            return "audio/wav";
        if (data.StartsWith("%PDF-"u8))
            return "application/pdf";
        if (data.StartsWith("OggS"u8))
            return "audio/ogg";
        if (data.StartsWith("ID3"u8) || (data.Length > 1 && data[0] == 0xFF && (data[1] & 0xE0) == 0xE0))
            return "audio/mpeg";
        var ext = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (data.StartsWith("PK\x03\x04"u8))
        {
            return ext switch
            {
                ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ".odt" => "application/vnd.oasis.opendocument.text",
                ".ods" => "application/vnd.oasis.opendocument.spreadsheet",
                _ => null,
            };
        }
        if (data.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
            return ext == ".xls" ? "application/vnd.ms-excel" : "application/msword";
        if (ext == ".txt" && System.Text.Encoding.UTF8.GetCharCount(data) > 0 && !data.Contains((byte)0))
            return "text/plain";
        return null;
    }
}
