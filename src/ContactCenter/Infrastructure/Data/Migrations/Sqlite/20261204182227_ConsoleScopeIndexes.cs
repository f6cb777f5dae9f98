using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactCenter.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ConsoleScopeIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_appeals_resonant_due_at",
                table: "appeals");

            migrationBuilder.CreateIndex(
                name: "ix_questions_id_appeal_id",
                table: "questions",
                column: "id");

            migrationBuilder.CreateIndex(
                name: "ix_questions_rework_status",
                table: "questions",
                column: "status",
                filter: "rework_count > 0");

            migrationBuilder.CreateIndex(
                name: "ix_questions_status_due_at",
                table: "questions",
                columns: new[] { "status", "due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_assignments_other_roles_scope",
                table: "assignments",
                column: "executor_id",
                filter: "active AND role <> 'Main'");

            migrationBuilder.CreateIndex(
                name: "ix_appeals_privileged_status",
                table: "appeals",
                column: "status",
                filter: "applicant_privilege_category <> ''");

            migrationBuilder.CreateIndex(
                name: "ix_appeals_resonant_status_due_at",
                table: "appeals",
                columns: new[] { "status", "due_at" },
                filter: "resonant");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_questions_id_appeal_id",
                table: "questions");

            migrationBuilder.DropIndex(
                name: "ix_questions_rework_status",
                table: "questions");

            migrationBuilder.DropIndex(
                name: "ix_questions_status_due_at",
                table: "questions");

            migrationBuilder.DropIndex(
                name: "ix_assignments_other_roles_scope",
                table: "assignments");

            migrationBuilder.DropIndex(
                name: "ix_appeals_privileged_status",
                table: "appeals");

            migrationBuilder.DropIndex(
                name: "ix_appeals_resonant_status_due_at",
                table: "appeals");

            migrationBuilder.CreateIndex(
                name: "ix_appeals_resonant_due_at",
                table: "appeals",
                column: "due_at",
                filter: "resonant");
        }
    }
}
