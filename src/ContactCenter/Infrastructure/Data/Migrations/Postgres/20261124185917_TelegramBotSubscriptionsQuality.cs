using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ContactCenter.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TelegramBotSubscriptionsQuality : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_notifications_appeals_appeal_id",
                table: "notifications");

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
                name: "ix_control_marks_kind_key",
                table: "control_marks",
                columns: new[] { "kind", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_held_intakes_status_received_at",
                table: "held_intakes",
                columns: new[] { "status", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_screening_terms_term",
                table: "screening_terms",
                column: "term",
                unique: true);

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
                name: "control_marks");

            migrationBuilder.DropTable(
                name: "held_intakes");

            migrationBuilder.DropTable(
                name: "outbox_rate_windows");

            migrationBuilder.DropTable(
                name: "screening_terms");

            migrationBuilder.DropTable(
                name: "subscriptions");

            migrationBuilder.DropTable(
                name: "telegram_chats");

            migrationBuilder.DropTable(
                name: "telegram_draft_files");

            migrationBuilder.DropTable(
                name: "telegram_updates");

            migrationBuilder.DropTable(
                name: "verification_tasks");

            migrationBuilder.DropIndex(
                name: "ix_notifications_broadcast_id_channel_recipient",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "ix_notifications_subscription_id",
                table: "notifications");

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

            migrationBuilder.AlterColumn<long>(
                name: "appeal_id",
                table: "notifications",
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);

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
