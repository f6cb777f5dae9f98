using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ContactCenter.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ChannelsControlOutagesReportsConsole : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_notifications_appeals_appeal_id",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "ix_appeals_received_at",
                table: "appeals");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "received_at",
                table: "questions",
                type: "timestamp with time zone",
                nullable: true);

            // Questions registered before this migration take their appeal's reception time (reports count by it).
            migrationBuilder.Sql("UPDATE questions SET received_at = (SELECT a.received_at FROM appeals a WHERE a.id = questions.appeal_id) WHERE received_at IS NULL;");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "supervisor_decision_since",
                table: "questions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "appeal_id",
                table: "notifications",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AddColumn<long>(
                name: "broadcast_id",
                table: "notifications",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "subscription_id",
                table: "notifications",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "previous_due_at",
                table: "executor_requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "extension",
                table: "AspNetUsers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "broadcasts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    request_key = table.Column<Guid>(type: "uuid", nullable: false),
                    outage_id = table.Column<long>(type: "bigint", nullable: true),
                    area_description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    type_mask = table.Column<int>(type: "integer", nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    recipients = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by_user_id = table.Column<string>(type: "text", nullable: true),
                    created_by_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    executor_id = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_broadcasts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "category_reference_time",
                columns: table => new
                {
                    category_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    execution_hours = table.Column<double>(type: "double precision", nullable: false),
                    explanation_hours = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_category_reference_time", x => x.category_code);
                });

            migrationBuilder.CreateTable(
                name: "consultations",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    operator_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    operator_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    topic = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    category_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    article_id = table.Column<int>(type: "integer", nullable: true),
                    caller_phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    call_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    outage_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consultations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "control_marks",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_control_marks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "executor_rating_day",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    executor_id = table.Column<int>(type: "integer", nullable: false),
                    weights_id = table.Column<int>(type: "integer", nullable: false),
                    closed = table.Column<int>(type: "integer", nullable: false),
                    closed_on_time = table.Column<int>(type: "integer", nullable: false),
                    executed = table.Column<int>(type: "integer", nullable: false),
                    confirmed = table.Column<int>(type: "integer", nullable: false),
                    rated = table.Column<int>(type: "integer", nullable: false),
                    on_time_share = table.Column<double>(type: "double precision", nullable: true),
                    executed_share = table.Column<double>(type: "double precision", nullable: true),
                    confirmed_share = table.Column<double>(type: "double precision", nullable: true),
                    execution_speed = table.Column<double>(type: "double precision", nullable: true),
                    explanation_speed = table.Column<double>(type: "double precision", nullable: true),
                    satisfaction_index = table.Column<double>(type: "double precision", nullable: true),
                    score = table.Column<double>(type: "double precision", nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: false),
                    computed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_executor_rating_day", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "held_intakes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    source_ref = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    full_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    telegram_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    text = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    matched_terms = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    request_json = table.Column<string>(type: "character varying(40000)", maxLength: 40000, nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_by_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    decision_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    registration_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_held_intakes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_rate_windows",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    window_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    used = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_rate_windows", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "rating_weights",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    on_time = table.Column<double>(type: "double precision", nullable: false),
                    executed = table.Column<double>(type: "double precision", nullable: false),
                    confirmed = table.Column<double>(type: "double precision", nullable: false),
                    execution_speed = table.Column<double>(type: "double precision", nullable: false),
                    explanation_speed = table.Column<double>(type: "double precision", nullable: false),
                    satisfaction = table.Column<double>(type: "double precision", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rating_weights", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "screening_terms",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    term = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    author_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_screening_terms", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "spike_signal",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    detected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    label = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    window_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    window_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false),
                    baseline = table.Column<double>(type: "double precision", nullable: false),
                    appeal_numbers = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_spike_signal", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "subscriptions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    contact = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    scope = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    building_id = table.Column<int>(type: "integer", nullable: true),
                    street_id = table.Column<int>(type: "integer", nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    place_label = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    type_mask = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    unsubscribed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subscriptions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "telegram_chats",
                columns: table => new
                {
                    chat_id = table.Column<long>(type: "bigint", nullable: false),
                    state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    draft = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    full_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    home_address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    last_address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    linked = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_telegram_chats", x => x.chat_id);
                });

            migrationBuilder.CreateTable(
                name: "telegram_draft_files",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    chat_id = table.Column<long>(type: "bigint", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    data = table.Column<byte[]>(type: "bytea", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_telegram_draft_files", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "telegram_updates",
                columns: table => new
                {
                    update_id = table.Column<long>(type: "bigint", nullable: false),
                    chat_id = table.Column<long>(type: "bigint", nullable: true),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_telegram_updates", x => x.update_id);
                });

            migrationBuilder.CreateTable(
                name: "unified_cards",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    external_number = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    appeal_id = table.Column<long>(type: "bigint", nullable: false),
                    source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    external_priority = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    external_status = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    topic = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    external_created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    external_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    imported_by_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unified_cards", x => x.id);
                    table.ForeignKey(
                        name: "fk_unified_cards_appeals_appeal_id",
                        column: x => x.appeal_id,
                        principalTable: "appeals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "verification_tasks",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    appeal_id = table.Column<long>(type: "bigint", nullable: false),
                    question_id = table.Column<long>(type: "bigint", nullable: false),
                    question_number = table.Column<int>(type: "integer", nullable: false),
                    registration_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    round = table.Column<int>(type: "integer", nullable: false),
                    channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    privileged = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    unanswered_attempts = table.Column<int>(type: "integer", nullable: false),
                    last_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    notification_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_verification_tasks", x => x.id);
                });

            migrationBuilder.InsertData(
                table: "rating_weights",
                columns: new[] { "id", "confirmed", "created_at", "created_by_name", "effective_from", "executed", "execution_speed", "explanation_speed", "on_time", "satisfaction" },
                values: new object[] { 1, 0.20000000000000001, new DateTimeOffset(new DateTime(2000, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system", new DateOnly(2000, 1, 1), 0.14999999999999999, 0.10000000000000001, 0.10000000000000001, 0.25, 0.20000000000000001 });

            migrationBuilder.CreateIndex(
                name: "ix_questions_appeal_id",
                table: "questions",
                column: "appeal_id")
                .Annotation("Npgsql:IndexInclude", new[] { "category_code", "executor_id", "closed_at", "due_at", "rework_count", "verification_rating", "verification_confirmed", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_questions_closed_at",
                table: "questions",
                column: "closed_at");

            migrationBuilder.CreateIndex(
                name: "ix_questions_report",
                table: "questions",
                columns: new[] { "received_at", "category_code", "result_code", "executor_id", "status", "due_at", "result_at", "closed_at", "extended_working_days" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_broadcast_id_channel_recipient",
                table: "notifications",
                columns: new[] { "broadcast_id", "channel", "recipient" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notifications_subscription_id",
                table: "notifications",
                column: "subscription_id");

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_users_extension",
                table: "AspNetUsers",
                column: "extension",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_appeals_received_at",
                table: "appeals",
                column: "received_at")
                .Annotation("Npgsql:IndexInclude", new[] { "id", "channel", "status", "repeat_of_id" });

            migrationBuilder.CreateIndex(
                name: "ix_appeals_report",
                table: "appeals",
                columns: new[] { "received_at", "form", "channel", "kind", "is_collective", "repeat_of_id", "duplicate_of_id" });

            migrationBuilder.CreateIndex(
                name: "ix_broadcasts_created_at",
                table: "broadcasts",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_broadcasts_outage_id",
                table: "broadcasts",
                column: "outage_id");

            migrationBuilder.CreateIndex(
                name: "ix_broadcasts_request_key",
                table: "broadcasts",
                column: "request_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_consultations_at",
                table: "consultations",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_consultations_caller_phone",
                table: "consultations",
                column: "caller_phone");

            migrationBuilder.CreateIndex(
                name: "ix_control_marks_kind_key",
                table: "control_marks",
                columns: new[] { "kind", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_executor_rating_day_day_executor_id",
                table: "executor_rating_day",
                columns: new[] { "day", "executor_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_executor_rating_day_executor_id_day",
                table: "executor_rating_day",
                columns: new[] { "executor_id", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_held_intakes_status_received_at",
                table: "held_intakes",
                columns: new[] { "status", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_rating_weights_effective_from",
                table: "rating_weights",
                column: "effective_from",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_screening_terms_term",
                table: "screening_terms",
                column: "term",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_spike_signal_detected_at",
                table: "spike_signal",
                column: "detected_at");

            migrationBuilder.CreateIndex(
                name: "ix_spike_signal_kind_key_detected_at",
                table: "spike_signal",
                columns: new[] { "kind", "key", "detected_at" });

            migrationBuilder.CreateIndex(
                name: "ix_subscriptions_channel_contact",
                table: "subscriptions",
                columns: new[] { "channel", "contact" });

            migrationBuilder.CreateIndex(
                name: "ix_subscriptions_status_building_id",
                table: "subscriptions",
                columns: new[] { "status", "building_id" });

            migrationBuilder.CreateIndex(
                name: "ix_subscriptions_status_district_id",
                table: "subscriptions",
                columns: new[] { "status", "district_id" });

            migrationBuilder.CreateIndex(
                name: "ix_subscriptions_status_street_id",
                table: "subscriptions",
                columns: new[] { "status", "street_id" });

            migrationBuilder.CreateIndex(
                name: "ix_subscriptions_token",
                table: "subscriptions",
                column: "token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_telegram_chats_phone",
                table: "telegram_chats",
                column: "phone");

            migrationBuilder.CreateIndex(
                name: "ix_telegram_draft_files_chat_id",
                table: "telegram_draft_files",
                column: "chat_id");

            migrationBuilder.CreateIndex(
                name: "ix_telegram_updates_processed_at",
                table: "telegram_updates",
                column: "processed_at");

            migrationBuilder.CreateIndex(
                name: "ix_unified_cards_appeal_id",
                table: "unified_cards",
                column: "appeal_id");

            migrationBuilder.CreateIndex(
                name: "ix_unified_cards_external_number",
                table: "unified_cards",
                column: "external_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_verification_tasks_question_id_round",
                table: "verification_tasks",
                columns: new[] { "question_id", "round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_verification_tasks_status_channel_created_at",
                table: "verification_tasks",
                columns: new[] { "status", "channel", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_verification_tasks_token",
                table: "verification_tasks",
                column: "token",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_notifications_appeals_appeal_id",
                table: "notifications",
                column: "appeal_id",
                principalTable: "appeals",
                principalColumn: "id");

            migrationBuilder.AddForeignKey(
                name: "fk_notifications_broadcasts_broadcast_id",
                table: "notifications",
                column: "broadcast_id",
                principalTable: "broadcasts",
                principalColumn: "id");

            migrationBuilder.AddForeignKey(
                name: "fk_notifications_subscriptions_subscription_id",
                table: "notifications",
                column: "subscription_id",
                principalTable: "subscriptions",
                principalColumn: "id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_notifications_appeals_appeal_id",
                table: "notifications");

            migrationBuilder.DropForeignKey(
                name: "fk_notifications_broadcasts_broadcast_id",
                table: "notifications");

            migrationBuilder.DropForeignKey(
                name: "fk_notifications_subscriptions_subscription_id",
                table: "notifications");

            migrationBuilder.DropTable(
                name: "broadcasts");

            migrationBuilder.DropTable(
                name: "category_reference_time");

            migrationBuilder.DropTable(
                name: "consultations");

            migrationBuilder.DropTable(
                name: "control_marks");

            migrationBuilder.DropTable(
                name: "executor_rating_day");

            migrationBuilder.DropTable(
                name: "held_intakes");

            migrationBuilder.DropTable(
                name: "outbox_rate_windows");

            migrationBuilder.DropTable(
                name: "rating_weights");

            migrationBuilder.DropTable(
                name: "screening_terms");

            migrationBuilder.DropTable(
                name: "spike_signal");

            migrationBuilder.DropTable(
                name: "subscriptions");

            migrationBuilder.DropTable(
                name: "telegram_chats");

            migrationBuilder.DropTable(
                name: "telegram_draft_files");

            migrationBuilder.DropTable(
                name: "telegram_updates");

            migrationBuilder.DropTable(
                name: "unified_cards");

            migrationBuilder.DropTable(
                name: "verification_tasks");

            migrationBuilder.DropIndex(
                name: "ix_questions_appeal_id",
                table: "questions");

            migrationBuilder.DropIndex(
                name: "ix_questions_closed_at",
                table: "questions");

            migrationBuilder.DropIndex(
                name: "ix_questions_report",
                table: "questions");

            migrationBuilder.DropIndex(
                name: "ix_notifications_broadcast_id_channel_recipient",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "ix_notifications_subscription_id",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "ix_asp_net_users_extension",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "ix_appeals_received_at",
                table: "appeals");

            migrationBuilder.DropIndex(
                name: "ix_appeals_report",
                table: "appeals");

            migrationBuilder.DropColumn(
                name: "received_at",
                table: "questions");

            migrationBuilder.DropColumn(
                name: "supervisor_decision_since",
                table: "questions");

            migrationBuilder.DropColumn(
                name: "broadcast_id",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "subscription_id",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "previous_due_at",
                table: "executor_requests");

            migrationBuilder.DropColumn(
                name: "extension",
                table: "AspNetUsers");

            migrationBuilder.AlterColumn<long>(
                name: "appeal_id",
                table: "notifications",
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_appeals_received_at",
                table: "appeals",
                column: "received_at");

            migrationBuilder.AddForeignKey(
                name: "fk_notifications_appeals_appeal_id",
                table: "notifications",
                column: "appeal_id",
                principalTable: "appeals",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
