using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactCenter.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportsQuestionReceivedAtAndIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "received_at",
                table: "questions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_questions_report",
                table: "questions",
                columns: new[] { "received_at", "category_code", "result_code", "executor_id", "status", "due_at", "result_at", "closed_at", "extended_working_days" });

            migrationBuilder.CreateIndex(
                name: "ix_appeals_report",
                table: "appeals",
                columns: new[] { "received_at", "form", "channel", "kind", "is_collective", "repeat_of_id", "duplicate_of_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_questions_report",
                table: "questions");

            migrationBuilder.DropIndex(
                name: "ix_appeals_report",
                table: "appeals");

            migrationBuilder.DropColumn(
                name: "received_at",
                table: "questions");
        }
    }
}
