using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactCenter.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ConsoleListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_questions_scope",
                table: "questions");

            migrationBuilder.DropIndex(
                name: "ix_assignments_active_scope",
                table: "assignments");

            migrationBuilder.DropIndex(
                name: "ix_appeals_resonant_due_at",
                table: "appeals");
        }
    }
}
