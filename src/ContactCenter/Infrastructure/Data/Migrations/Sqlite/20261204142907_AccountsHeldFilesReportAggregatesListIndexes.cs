using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactCenter.Infrastructure.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "must_change_password",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "held_intake_files",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    held_intake_id = table.Column<long>(type: "INTEGER", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    data = table.Column<byte[]>(type: "BLOB", nullable: false)
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
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    through = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    as_of = table.Column<long>(type: "INTEGER", nullable: false),
                    refreshed_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_aggregate_state", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "report_day_counts",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    figure = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    key = table.Column<string>(type: "TEXT", nullable: false),
                    count = table.Column<int>(type: "INTEGER", nullable: false)
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
                column: "updated_at");

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
