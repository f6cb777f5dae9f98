using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactCenter.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DashboardFilterAggregates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dashboard_day_counts",
                columns: table => new
                {
                    dimension = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    figure = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dashboard_day_counts", x => new { x.dimension, x.day, x.figure, x.key });
                });

            // The filtered dashboard's "now" counts by district (open and overdue questions of one district), as
            // ix_questions_executor_id_status_due_at serves them by executor. Raw SQL (the same on both providers): the
            // district is a column of the owned Location, which the model cannot index together with the question's status.
            migrationBuilder.Sql("CREATE INDEX ix_questions_district_status_due_at ON questions (location_district_id, status, due_at);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ix_questions_district_status_due_at;");
            migrationBuilder.DropTable(
                name: "dashboard_day_counts");
        }
    }
}
