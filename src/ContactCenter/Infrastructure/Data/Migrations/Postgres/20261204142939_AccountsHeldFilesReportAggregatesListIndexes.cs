using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ContactCenter.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AccountsHeldFilesReportAggregatesListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "street_id",
                table: "routing_rules",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "must_change_password",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "held_intake_files",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    held_intake_id = table.Column<long>(type: "bigint", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    data = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_held_intake_files", x => x.id);
                    table.ForeignKey(
                        name: "fk_held_intake_files_held_intakes_held_intake_id",
                        column: x => x.held_intake_id,
                        principalTable: "held_intakes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "report_aggregate_state",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    through = table.Column<DateOnly>(type: "date", nullable: false),
                    as_of = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    refreshed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_aggregate_state", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "report_day_counts",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    figure = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_day_counts", x => new { x.day, x.figure, x.key });
                });

            migrationBuilder.CreateIndex(
                name: "ix_questions_scope",
                table: "questions",
                columns: new[] { "appeal_id", "executor_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_assignments_active_scope",
                table: "assignments",
                columns: new[] { "question_id", "executor_id" },
                filter: "active");

            migrationBuilder.CreateIndex(
                name: "ix_appeals_resonant_due_at",
                table: "appeals",
                column: "due_at",
                filter: "resonant");

            migrationBuilder.CreateIndex(
                name: "ix_appeals_updated_at",
                table: "appeals",
                column: "updated_at")
                .Annotation("Npgsql:IndexInclude", new[] { "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_held_intake_files_held_intake_id",
                table: "held_intake_files",
                column: "held_intake_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "held_intake_files");

            migrationBuilder.DropTable(
                name: "report_aggregate_state");

            migrationBuilder.DropTable(
                name: "report_day_counts");

            migrationBuilder.DropIndex(
                name: "ix_questions_scope",
                table: "questions");

            migrationBuilder.DropIndex(
                name: "ix_assignments_active_scope",
                table: "assignments");

            migrationBuilder.DropIndex(
                name: "ix_appeals_resonant_due_at",
                table: "appeals");

            migrationBuilder.DropIndex(
                name: "ix_appeals_updated_at",
                table: "appeals");

            migrationBuilder.DropColumn(
                name: "street_id",
                table: "routing_rules");

            migrationBuilder.DropColumn(
                name: "must_change_password",
                table: "AspNetUsers");
        }
    }
}
