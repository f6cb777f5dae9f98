using Npgsql;
using NpgsqlTypes;

namespace ContactCenter.Bench.Generate;

/// <summary>Binary COPY of generated rows; one connection and one COPY per table and batch.</summary>
internal static class BulkCopy
{
    public static async Task AppealsAsync(NpgsqlDataSource dataSource, List<AppealRow> rows)
    {
        // search_vector is a stored generated column: PostgreSQL computes it from search_text.
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var w = await connection.BeginBinaryImportAsync("""
            COPY appeals (id, registration_number, received_at, registered_at, updated_at, channel, kind, form, priority,
                applicant_full_name, applicant_phone, applicant_email, applicant_address, applicant_privilege_category,
                applicant_social_status, applicant_telegram_id, is_collective, signatories_count, hide_identity,
                description, search_text, external_id, status, due_at, repeat_of_id, resonant, additional_control,
                version, registered_by_name, applicant_name_key, applicant_address_key)
            FROM STDIN (FORMAT BINARY)
            """);
        foreach (var a in rows)
        {
            w.StartRow();
            w.Write(a.Id, NpgsqlDbType.Bigint);
            w.Write(a.RegistrationNumber, NpgsqlDbType.Varchar);
            w.Write(a.ReceivedAt, NpgsqlDbType.TimestampTz);
            w.Write(a.RegisteredAt, NpgsqlDbType.TimestampTz);
            w.Write(a.UpdatedAt, NpgsqlDbType.TimestampTz);
            w.Write(a.Channel.ToString(), NpgsqlDbType.Varchar);
            w.Write(a.Kind.ToString(), NpgsqlDbType.Varchar);
            w.Write(a.Form.ToString(), NpgsqlDbType.Varchar);
            w.Write(a.Priority.ToString(), NpgsqlDbType.Varchar);
            w.Write(a.FullName, NpgsqlDbType.Varchar);
            Text(w, a.Phone, NpgsqlDbType.Varchar);
            Text(w, a.Email, NpgsqlDbType.Varchar);
            Text(w, a.Address, NpgsqlDbType.Text);
            Text(w, a.PrivilegeCategory, NpgsqlDbType.Text);
            Text(w, a.SocialStatus, NpgsqlDbType.Text);
            Text(w, a.TelegramId, NpgsqlDbType.Text);
            w.Write(a.IsCollective, NpgsqlDbType.Boolean);
            Int(w, a.SignatoriesCount);
            w.Write(a.HideIdentity, NpgsqlDbType.Boolean);
            w.Write(a.Description, NpgsqlDbType.Varchar);
            w.Write(a.Description.ToLowerInvariant(), NpgsqlDbType.Varchar); // as RegisterAppeal sets SearchText
            Text(w, a.ExternalId, NpgsqlDbType.Varchar);
            w.Write(a.Status.ToString(), NpgsqlDbType.Varchar);
            Time(w, a.DueAt);
            if (a.RepeatOfId is { } r)
                w.Write(r, NpgsqlDbType.Bigint);
            else
                w.WriteNull();
            w.Write(a.Resonant, NpgsqlDbType.Boolean);
            w.Write(a.AdditionalControl, NpgsqlDbType.Boolean);
            w.Write(a.Version, NpgsqlDbType.Integer);
            w.Write(a.RegisteredByName, NpgsqlDbType.Text);
            // as ApplicantKeysInterceptor sets them on every save (issue 3)
            w.Write(ContactCenter.Features.Appeals.ApplicantKeys.Name(a.FullName), NpgsqlDbType.Varchar);
            w.Write(ContactCenter.Features.Appeals.ApplicantKeys.Address(a.Address), NpgsqlDbType.Varchar);
        }
        await w.CompleteAsync();
    }

    public static async Task QuestionsAsync(NpgsqlDataSource dataSource, List<QuestionRow> rows)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var w = await connection.BeginBinaryImportAsync("""
            COPY questions (id, appeal_id, number, category_code, description, location_address, review_track_code, status,
                due_at, executor_id, accepted_at, extended_working_days, rework_count, result_code, result_text, result_at,
                closed_at, forwarded_to, legal_basis, verification_confirmed, verification_rating, verification_via, verified_at)
            FROM STDIN (FORMAT BINARY)
            """);
        foreach (var q in rows)
        {
            w.StartRow();
            w.Write(q.Id, NpgsqlDbType.Bigint);
            w.Write(q.AppealId, NpgsqlDbType.Bigint);
            w.Write(q.Number, NpgsqlDbType.Integer);
            w.Write(q.CategoryCode, NpgsqlDbType.Varchar);
            w.Write(q.Description, NpgsqlDbType.Varchar);
            Text(w, q.LocationAddress, NpgsqlDbType.Varchar);
            w.Write(q.ReviewTrackCode, NpgsqlDbType.Varchar);
            w.Write(q.Status.ToString(), NpgsqlDbType.Varchar);
            w.Write(q.DueAt, NpgsqlDbType.TimestampTz);
            Int(w, q.ExecutorId);
            Time(w, q.AcceptedAt);
            w.Write(0, NpgsqlDbType.Integer);
            w.Write(0, NpgsqlDbType.Integer);
            Text(w, q.ResultCode?.ToString(), NpgsqlDbType.Varchar);
            Text(w, q.ResultText, NpgsqlDbType.Text);
            Time(w, q.ResultAt);
            Time(w, q.ClosedAt);
            Text(w, q.ForwardedTo, NpgsqlDbType.Text);
            Text(w, q.LegalBasis, NpgsqlDbType.Text);
            if (q.VerificationConfirmed is { } confirmed)
                w.Write(confirmed, NpgsqlDbType.Boolean);
            else
                w.WriteNull();
            Int(w, q.VerificationRating);
            Text(w, q.VerificationVia, NpgsqlDbType.Text);
            Time(w, q.VerifiedAt);
        }
        await w.CompleteAsync();
    }

    public static async Task AssignmentsAsync(NpgsqlDataSource dataSource, List<AssignmentRow> rows)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var w = await connection.BeginBinaryImportAsync(
            "COPY assignments (id, question_id, executor_id, role, assigned_at, active) FROM STDIN (FORMAT BINARY)");
        foreach (var a in rows)
        {
            w.StartRow();
            w.Write(a.Id, NpgsqlDbType.Bigint);
            w.Write(a.QuestionId, NpgsqlDbType.Bigint);
            w.Write(a.ExecutorId, NpgsqlDbType.Integer);
            w.Write(a.Role.ToString(), NpgsqlDbType.Varchar);
            w.Write(a.AssignedAt, NpgsqlDbType.TimestampTz);
            w.Write(a.Active, NpgsqlDbType.Boolean);
        }
        await w.CompleteAsync();
    }

    public static async Task HistoryAsync(NpgsqlDataSource dataSource, List<HistoryRow> rows)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var w = await connection.BeginBinaryImportAsync("""
            COPY appeal_history (id, appeal_id, question_number, at, actor_name, action, from_status, to_status, comment, public)
            FROM STDIN (FORMAT BINARY)
            """);
        foreach (var h in rows)
        {
            w.StartRow();
            w.Write(h.Id, NpgsqlDbType.Bigint);
            w.Write(h.AppealId, NpgsqlDbType.Bigint);
            Int(w, h.QuestionNumber);
            w.Write(h.At, NpgsqlDbType.TimestampTz);
            w.Write(h.ActorName, NpgsqlDbType.Text);
            w.Write(h.Action, NpgsqlDbType.Varchar);
            Text(w, h.FromStatus?.ToString(), NpgsqlDbType.Varchar);
            Text(w, h.ToStatus?.ToString(), NpgsqlDbType.Varchar);
            Text(w, h.Comment, NpgsqlDbType.Text);
            w.Write(h.Public, NpgsqlDbType.Boolean);
        }
        await w.CompleteAsync();
    }

    private static void Text(NpgsqlBinaryImporter w, string? value, NpgsqlDbType type)
    {
        if (value is null)
            w.WriteNull();
        else
            w.Write(value, type);
    }

    private static void Int(NpgsqlBinaryImporter w, int? value)
    {
        if (value is { } v)
            w.Write(v, NpgsqlDbType.Integer);
        else
            w.WriteNull();
    }

    private static void Time(NpgsqlBinaryImporter w, DateTime? value)
    {
        if (value is { } v)
            w.Write(v, NpgsqlDbType.TimestampTz);
        else
            w.WriteNull();
    }
}
