using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

#nullable disable

namespace ContactCenter.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "text", nullable: false),
                    prefix = table.Column<string>(type: "text", nullable: false),
                    hash = table.Column<string>(type: "text", nullable: false),
                    role = table.Column<string>(type: "text", nullable: false),
                    executor_id = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "appeal_comments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    appeal_id = table.Column<long>(type: "bigint", nullable: false),
                    question_number = table.Column<int>(type: "integer", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    author_user_id = table.Column<string>(type: "text", nullable: true),
                    author_name = table.Column<string>(type: "text", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    @public = table.Column<bool>(name: "public", type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appeal_comments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "appeals",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    registration_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    form = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    priority = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    applicant_full_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    applicant_phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    applicant_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    applicant_address = table.Column<string>(type: "text", nullable: true),
                    applicant_registered_address = table.Column<string>(type: "text", nullable: true),
                    applicant_privilege_category = table.Column<string>(type: "text", nullable: true),
                    applicant_social_status = table.Column<string>(type: "text", nullable: true),
                    applicant_representative_of = table.Column<string>(type: "text", nullable: true),
                    applicant_telegram_id = table.Column<string>(type: "text", nullable: true),
                    is_collective = table.Column<bool>(type: "boolean", nullable: false),
                    signatories_count = table.Column<int>(type: "integer", nullable: true),
                    hide_identity = table.Column<bool>(type: "boolean", nullable: false),
                    description = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    search_text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    external_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    contested_executor_id = table.Column<int>(type: "integer", nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    repeat_of_id = table.Column<long>(type: "bigint", nullable: true),
                    duplicate_of_id = table.Column<long>(type: "bigint", nullable: true),
                    resonant = table.Column<bool>(type: "boolean", nullable: false),
                    additional_control = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    registered_by_user_id = table.Column<string>(type: "text", nullable: true),
                    registered_by_name = table.Column<string>(type: "text", nullable: true),
                    tracking_token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "to_tsvector('simple', search_text)", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appeals", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    full_name = table.Column<string>(type: "text", nullable: false),
                    executor_id = table.Column<int>(type: "integer", nullable: true),
                    must_enrol_two_factor = table.Column<bool>(type: "boolean", nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "text", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "attachments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    appeal_id = table.Column<long>(type: "bigint", nullable: false),
                    question_number = table.Column<int>(type: "integer", nullable: true),
                    file_name = table.Column<string>(type: "text", nullable: false),
                    content_type = table.Column<string>(type: "text", nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    uploaded_by_user_id = table.Column<string>(type: "text", nullable: true),
                    uploaded_by_name = table.Column<string>(type: "text", nullable: false),
                    evidence = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attachments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_user_id = table.Column<string>(type: "text", nullable: true),
                    actor_name = table.Column<string>(type: "text", nullable: false),
                    action = table.Column<string>(type: "text", nullable: false),
                    entity_type = table.Column<string>(type: "text", nullable: false),
                    entity_id = table.Column<string>(type: "text", nullable: true),
                    details = table.Column<string>(type: "text", nullable: true),
                    ip_address = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "blocklist",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    value = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    author_user_id = table.Column<string>(type: "text", nullable: true),
                    author_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_blocklist", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "calendar_holidays",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_holidays", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "calendar_settings",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    time_zone_id = table.Column<string>(type: "text", nullable: false),
                    statutory_holidays = table.Column<bool>(type: "boolean", nullable: false),
                    weekly_schedule = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_settings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "calendar_transfers",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    is_working = table.Column<bool>(type: "boolean", nullable: false),
                    works_as = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    comment = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_transfers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "calls",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    call_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    direction = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    from = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    to = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    phone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    operator_user = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    queue = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ivr = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    hangup_cause = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    recording_url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    recording_seconds = table.Column<int>(type: "integer", nullable: true),
                    rejected = table.Column<bool>(type: "boolean", nullable: false),
                    missed = table.Column<bool>(type: "boolean", nullable: false),
                    callback = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    callback_user_id = table.Column<string>(type: "text", nullable: true),
                    callback_user_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    callback_claimed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    callback_done_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calls", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "categories",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    name_en = table.Column<string>(type: "text", nullable: true),
                    parent_code = table.Column<string>(type: "text", nullable: true),
                    default_executor_id = table.Column<int>(type: "integer", nullable: true),
                    review_track_code = table.Column<string>(type: "text", nullable: true),
                    early_warning_hours = table.Column<int>(type: "integer", nullable: false),
                    address_required = table.Column<bool>(type: "boolean", nullable: false),
                    open311service_code = table.Column<string>(type: "text", nullable: true),
                    open311attributes = table.Column<string>(type: "text", nullable: true),
                    sort_order = table.Column<int>(type: "integer", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_categories", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "districts",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_districts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "executors",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "text", nullable: false),
                    short_name = table.Column<string>(type: "text", nullable: true),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    parent_id = table.Column<int>(type: "integer", nullable: true),
                    responsible_person = table.Column<string>(type: "text", nullable: true),
                    phone = table.Column<string>(type: "text", nullable: true),
                    email = table.Column<string>(type: "text", nullable: true),
                    working_hours = table.Column<string>(type: "text", nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_executors", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inbound_emails",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    message_id = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    from_address = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    from_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    appeal_id = table.Column<long>(type: "bigint", nullable: true),
                    registration_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    processed_by_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbound_emails", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "knowledge_articles",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    category_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    is_public = table.Column<bool>(type: "boolean", nullable: false),
                    search_text = table.Column<string>(type: "character varying(21000)", maxLength: 21000, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_knowledge_articles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "martial_law_periods",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_martial_law_periods", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "notification_templates",
                columns: table => new
                {
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by_name = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_templates", x => x.kind);
                });

            migrationBuilder.CreateTable(
                name: "number_counters",
                columns: table => new
                {
                    key = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_number_counters", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "open311tokens",
                columns: table => new
                {
                    token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    appeal_id = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_open311tokens", x => x.token);
                });

            migrationBuilder.CreateTable(
                name: "outage_appeals",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    outage_id = table.Column<long>(type: "bigint", nullable: false),
                    appeal_id = table.Column<long>(type: "bigint", nullable: false),
                    question_number = table.Column<int>(type: "integer", nullable: false),
                    linked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    linked_by_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    automatic = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outage_appeals", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outage_buildings",
                columns: table => new
                {
                    building_id = table.Column<int>(type: "integer", nullable: false),
                    outage_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outage_buildings", x => new { x.building_id, x.outage_id });
                });

            migrationBuilder.CreateTable(
                name: "outages",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    information = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    causes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    consequences = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expected_end_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    executor_id = table.Column<int>(type: "integer", nullable: false),
                    is_closed = table.Column<bool>(type: "boolean", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closing_text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by_user_id = table.Column<string>(type: "text", nullable: true),
                    created_by_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    closed_by_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "review_tracks",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    term = table.Column<int>(type: "integer", nullable: false),
                    unit = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_tracks", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "routing_rules",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    category_code = table.Column<string>(type: "text", nullable: false),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    building_id = table.Column<int>(type: "integer", nullable: true),
                    executor_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_routing_rules", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "staff_notifications",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recipient_executor_id = table.Column<int>(type: "integer", nullable: true),
                    recipient_role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    registration_number = table.Column<string>(type: "text", nullable: true),
                    text = table.Column<string>(type: "text", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_notifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "streets",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    type = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    search_name = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_streets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "appeal_history",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    appeal_id = table.Column<long>(type: "bigint", nullable: false),
                    question_number = table.Column<int>(type: "integer", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_user_id = table.Column<string>(type: "text", nullable: true),
                    actor_name = table.Column<string>(type: "text", nullable: false),
                    action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    from_status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    to_status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    comment = table.Column<string>(type: "text", nullable: true),
                    @public = table.Column<bool>(name: "public", type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_appeal_history", x => x.id);
                    table.ForeignKey(
                        name: "fk_appeal_history_appeals_appeal_id",
                        column: x => x.appeal_id,
                        principalTable: "appeals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    key = table.Column<Guid>(type: "uuid", nullable: false),
                    appeal_id = table.Column<long>(type: "bigint", nullable: false),
                    registration_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    question_number = table.Column<int>(type: "integer", nullable: true),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    recipient = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    details = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    lease_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lease_owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    body = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_notifications_appeals_appeal_id",
                        column: x => x.appeal_id,
                        principalTable: "appeals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "questions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    appeal_id = table.Column<long>(type: "bigint", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    category_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    description = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    location_address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    location_building_id = table.Column<int>(type: "integer", nullable: true),
                    location_district_id = table.Column<int>(type: "integer", nullable: true),
                    location_lat = table.Column<double>(type: "double precision", nullable: true),
                    location_long = table.Column<double>(type: "double precision", nullable: true),
                    review_track_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    executor_id = table.Column<int>(type: "integer", nullable: true),
                    assignee_user_id = table.Column<string>(type: "text", nullable: true),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    extended_working_days = table.Column<int>(type: "integer", nullable: false),
                    rework_count = table.Column<int>(type: "integer", nullable: false),
                    result_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    result_text = table.Column<string>(type: "text", nullable: true),
                    result_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    forwarded_to = table.Column<string>(type: "text", nullable: true),
                    legal_basis = table.Column<string>(type: "text", nullable: true),
                    verification_confirmed = table.Column<bool>(type: "boolean", nullable: true),
                    verification_rating = table.Column<int>(type: "integer", nullable: true),
                    verification_comment = table.Column<string>(type: "text", nullable: true),
                    verification_via = table.Column<string>(type: "text", nullable: true),
                    verified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    overdue_flagged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reminder_sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_questions", x => x.id);
                    table.ForeignKey(
                        name: "fk_questions_appeals_appeal_id",
                        column: x => x.appeal_id,
                        principalTable: "appeals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    role_id = table.Column<string>(type: "text", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_asp_net_role_claims_asp_net_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "AspNetRoles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_asp_net_user_claims_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_asp_net_user_logins_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    role_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_asp_net_user_roles_asp_net_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "AspNetRoles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_asp_net_user_roles_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "text", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_asp_net_user_tokens_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "attachment_contents",
                columns: table => new
                {
                    attachment_id = table.Column<long>(type: "bigint", nullable: false),
                    data = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attachment_contents", x => x.attachment_id);
                    table.ForeignKey(
                        name: "fk_attachment_contents_attachments_attachment_id",
                        column: x => x.attachment_id,
                        principalTable: "attachments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "call_appeals",
                columns: table => new
                {
                    call_id = table.Column<long>(type: "bigint", nullable: false),
                    appeal_id = table.Column<long>(type: "bigint", nullable: false),
                    linked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_call_appeals", x => new { x.call_id, x.appeal_id });
                    table.ForeignKey(
                        name: "fk_call_appeals_appeals_appeal_id",
                        column: x => x.appeal_id,
                        principalTable: "appeals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_call_appeals_calls_call_id",
                        column: x => x.call_id,
                        principalTable: "calls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "executor_competences",
                columns: table => new
                {
                    executor_id = table.Column<int>(type: "integer", nullable: false),
                    category_code = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_executor_competences", x => new { x.executor_id, x.category_code });
                    table.ForeignKey(
                        name: "fk_executor_competences_executors_executor_id",
                        column: x => x.executor_id,
                        principalTable: "executors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "executor_staff",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    executor_id = table.Column<int>(type: "integer", nullable: false),
                    full_name = table.Column<string>(type: "text", nullable: false),
                    position = table.Column<string>(type: "text", nullable: true),
                    phone = table.Column<string>(type: "text", nullable: true),
                    email = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<string>(type: "text", nullable: true),
                    is_responsible = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_executor_staff", x => x.id);
                    table.ForeignKey(
                        name: "fk_executor_staff_executors_executor_id",
                        column: x => x.executor_id,
                        principalTable: "executors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inbound_email_attachments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    inbound_email_id = table.Column<long>(type: "bigint", nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    data = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbound_email_attachments", x => x.id);
                    table.ForeignKey(
                        name: "fk_inbound_email_attachments_inbound_emails_inbound_email_id",
                        column: x => x.inbound_email_id,
                        principalTable: "inbound_emails",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "outage_areas",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    outage_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    street_id = table.Column<int>(type: "integer", nullable: true),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    numbers = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    from_number = table.Column<int>(type: "integer", nullable: true),
                    to_number = table.Column<int>(type: "integer", nullable: true),
                    side = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outage_areas", x => x.id);
                    table.ForeignKey(
                        name: "fk_outage_areas_outages_outage_id",
                        column: x => x.outage_id,
                        principalTable: "outages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "outage_updates",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    outage_id = table.Column<long>(type: "bigint", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    author_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outage_updates", x => x.id);
                    table.ForeignKey(
                        name: "fk_outage_updates_outages_outage_id",
                        column: x => x.outage_id,
                        principalTable: "outages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "buildings",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    street_id = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<string>(type: "text", nullable: false),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    lat = table.Column<double>(type: "double precision", nullable: true),
                    @long = table.Column<double>(name: "long", type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_buildings", x => x.id);
                    table.ForeignKey(
                        name: "fk_buildings_streets_street_id",
                        column: x => x.street_id,
                        principalTable: "streets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "street_aliases",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    street_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    search_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_street_aliases", x => x.id);
                    table.ForeignKey(
                        name: "fk_street_aliases_streets_street_id",
                        column: x => x.street_id,
                        principalTable: "streets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assignments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    question_id = table.Column<long>(type: "bigint", nullable: false),
                    executor_id = table.Column<int>(type: "integer", nullable: false),
                    role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    assigned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assignments", x => x.id);
                    table.ForeignKey(
                        name: "fk_assignments_questions_question_id",
                        column: x => x.question_id,
                        principalTable: "questions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "executor_requests",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    appeal_id = table.Column<long>(type: "bigint", nullable: false),
                    question_id = table.Column<long>(type: "bigint", nullable: false),
                    type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    reason = table.Column<string>(type: "text", nullable: false),
                    target_executor_id = table.Column<int>(type: "integer", nullable: true),
                    working_days = table.Column<int>(type: "integer", nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    requested_by_executor_id = table.Column<int>(type: "integer", nullable: true),
                    requested_by_user_id = table.Column<string>(type: "text", nullable: true),
                    requested_by_name = table.Column<string>(type: "text", nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_by_name = table.Column<string>(type: "text", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decision_reason = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_executor_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_executor_requests_appeals_appeal_id",
                        column: x => x.appeal_id,
                        principalTable: "appeals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_executor_requests_questions_question_id",
                        column: x => x.question_id,
                        principalTable: "questions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_prefix",
                table: "api_keys",
                column: "prefix");

            migrationBuilder.CreateIndex(
                name: "ix_appeal_comments_appeal_id",
                table: "appeal_comments",
                column: "appeal_id");

            migrationBuilder.CreateIndex(
                name: "ix_appeal_history_appeal_id_at",
                table: "appeal_history",
                columns: new[] { "appeal_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_appeals_applicant_email",
                table: "appeals",
                column: "applicant_email");

            migrationBuilder.CreateIndex(
                name: "ix_appeals_applicant_phone",
                table: "appeals",
                column: "applicant_phone");

            migrationBuilder.CreateIndex(
                name: "ix_appeals_external_id",
                table: "appeals",
                column: "external_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_appeals_received_at",
                table: "appeals",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "ix_appeals_registration_number",
                table: "appeals",
                column: "registration_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_appeals_search_vector",
                table: "appeals",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_appeals_status_due_at",
                table: "appeals",
                columns: new[] { "status", "due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_appeals_tracking_token",
                table: "appeals",
                column: "tracking_token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_role_claims_role_id",
                table: "AspNetRoleClaims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_user_claims_user_id",
                table: "AspNetUserClaims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_user_logins_user_id",
                table: "AspNetUserLogins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_user_roles_role_id",
                table: "AspNetUserRoles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_assignments_executor_id_active",
                table: "assignments",
                columns: new[] { "executor_id", "active" });

            migrationBuilder.CreateIndex(
                name: "ix_assignments_question_id",
                table: "assignments",
                column: "question_id");

            migrationBuilder.CreateIndex(
                name: "ix_attachments_appeal_id",
                table: "attachments",
                column: "appeal_id");

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_at",
                table: "audit_log",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_entity_type_entity_id",
                table: "audit_log",
                columns: new[] { "entity_type", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_blocklist_kind_value",
                table: "blocklist",
                columns: new[] { "kind", "value" });

            migrationBuilder.CreateIndex(
                name: "ix_buildings_street_id_number",
                table: "buildings",
                columns: new[] { "street_id", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_calendar_holidays_date",
                table: "calendar_holidays",
                column: "date",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_calendar_transfers_date",
                table: "calendar_transfers",
                column: "date",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_call_appeals_appeal_id",
                table: "call_appeals",
                column: "appeal_id");

            migrationBuilder.CreateIndex(
                name: "ix_calls_call_id",
                table: "calls",
                column: "call_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_calls_missed_callback_started_at",
                table: "calls",
                columns: new[] { "missed", "callback", "started_at" });

            migrationBuilder.CreateIndex(
                name: "ix_calls_phone",
                table: "calls",
                column: "phone");

            migrationBuilder.CreateIndex(
                name: "ix_calls_started_at",
                table: "calls",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "ix_categories_open311service_code",
                table: "categories",
                column: "open311service_code");

            migrationBuilder.CreateIndex(
                name: "ix_categories_parent_code",
                table: "categories",
                column: "parent_code");

            migrationBuilder.CreateIndex(
                name: "ix_executor_requests_appeal_id",
                table: "executor_requests",
                column: "appeal_id");

            migrationBuilder.CreateIndex(
                name: "ix_executor_requests_question_id",
                table: "executor_requests",
                column: "question_id");

            migrationBuilder.CreateIndex(
                name: "ix_executor_requests_status_requested_at",
                table: "executor_requests",
                columns: new[] { "status", "requested_at" });

            migrationBuilder.CreateIndex(
                name: "ix_executor_staff_executor_id",
                table: "executor_staff",
                column: "executor_id");

            migrationBuilder.CreateIndex(
                name: "ix_executors_parent_id",
                table: "executors",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_inbound_email_attachments_inbound_email_id",
                table: "inbound_email_attachments",
                column: "inbound_email_id");

            migrationBuilder.CreateIndex(
                name: "ix_inbound_emails_message_id",
                table: "inbound_emails",
                column: "message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inbound_emails_outcome_received_at",
                table: "inbound_emails",
                columns: new[] { "outcome", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_knowledge_articles_is_public",
                table: "knowledge_articles",
                column: "is_public");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_appeal_id",
                table: "notifications",
                column: "appeal_id");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_key",
                table: "notifications",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notifications_status_next_attempt_at",
                table: "notifications",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_outage_appeals_appeal_id",
                table: "outage_appeals",
                column: "appeal_id");

            migrationBuilder.CreateIndex(
                name: "ix_outage_appeals_outage_id_appeal_id_question_number",
                table: "outage_appeals",
                columns: new[] { "outage_id", "appeal_id", "question_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outage_areas_outage_id",
                table: "outage_areas",
                column: "outage_id");

            migrationBuilder.CreateIndex(
                name: "ix_outage_areas_street_id",
                table: "outage_areas",
                column: "street_id");

            migrationBuilder.CreateIndex(
                name: "ix_outage_buildings_outage_id",
                table: "outage_buildings",
                column: "outage_id");

            migrationBuilder.CreateIndex(
                name: "ix_outage_updates_outage_id_at",
                table: "outage_updates",
                columns: new[] { "outage_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_outages_executor_id",
                table: "outages",
                column: "executor_id");

            migrationBuilder.CreateIndex(
                name: "ix_outages_is_closed_starts_at",
                table: "outages",
                columns: new[] { "is_closed", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_questions_appeal_id_number",
                table: "questions",
                columns: new[] { "appeal_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_questions_category_code_status",
                table: "questions",
                columns: new[] { "category_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_questions_executor_id_status_due_at",
                table: "questions",
                columns: new[] { "executor_id", "status", "due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_routing_rules_category_code",
                table: "routing_rules",
                column: "category_code");

            migrationBuilder.CreateIndex(
                name: "ix_staff_notifications_recipient_executor_id_read_at",
                table: "staff_notifications",
                columns: new[] { "recipient_executor_id", "read_at" });

            migrationBuilder.CreateIndex(
                name: "ix_staff_notifications_recipient_role_read_at",
                table: "staff_notifications",
                columns: new[] { "recipient_role", "read_at" });

            migrationBuilder.CreateIndex(
                name: "ix_street_aliases_street_id",
                table: "street_aliases",
                column: "street_id");

            migrationBuilder.CreateIndex(
                name: "ix_streets_search_name",
                table: "streets",
                column: "search_name");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "appeal_comments");

            migrationBuilder.DropTable(
                name: "appeal_history");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "assignments");

            migrationBuilder.DropTable(
                name: "attachment_contents");

            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "blocklist");

            migrationBuilder.DropTable(
                name: "buildings");

            migrationBuilder.DropTable(
                name: "calendar_holidays");

            migrationBuilder.DropTable(
                name: "calendar_settings");

            migrationBuilder.DropTable(
                name: "calendar_transfers");

            migrationBuilder.DropTable(
                name: "call_appeals");

            migrationBuilder.DropTable(
                name: "categories");

            migrationBuilder.DropTable(
                name: "districts");

            migrationBuilder.DropTable(
                name: "executor_competences");

            migrationBuilder.DropTable(
                name: "executor_requests");

            migrationBuilder.DropTable(
                name: "executor_staff");

            migrationBuilder.DropTable(
                name: "inbound_email_attachments");

            migrationBuilder.DropTable(
                name: "knowledge_articles");

            migrationBuilder.DropTable(
                name: "martial_law_periods");

            migrationBuilder.DropTable(
                name: "notification_templates");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "number_counters");

            migrationBuilder.DropTable(
                name: "open311tokens");

            migrationBuilder.DropTable(
                name: "outage_appeals");

            migrationBuilder.DropTable(
                name: "outage_areas");

            migrationBuilder.DropTable(
                name: "outage_buildings");

            migrationBuilder.DropTable(
                name: "outage_updates");

            migrationBuilder.DropTable(
                name: "review_tracks");

            migrationBuilder.DropTable(
                name: "routing_rules");

            migrationBuilder.DropTable(
                name: "staff_notifications");

            migrationBuilder.DropTable(
                name: "street_aliases");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "attachments");

            migrationBuilder.DropTable(
                name: "calls");

            migrationBuilder.DropTable(
                name: "questions");

            migrationBuilder.DropTable(
                name: "executors");

            migrationBuilder.DropTable(
                name: "inbound_emails");

            migrationBuilder.DropTable(
                name: "outages");

            migrationBuilder.DropTable(
                name: "streets");

            migrationBuilder.DropTable(
                name: "appeals");
        }
    }
}
