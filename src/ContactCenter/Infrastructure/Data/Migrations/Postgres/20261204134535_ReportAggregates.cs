using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactCenter.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReportAggregates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "ix_appeals_updated_at",
                table: "appeals",
                column: "updated_at")
                .Annotation("Npgsql:IndexInclude", new[] { "received_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "report_aggregate_state");

            migrationBuilder.DropTable(
                name: "report_day_counts");

            migrationBuilder.DropIndex(
                name: "ix_appeals_updated_at",
                table: "appeals");
        }
    }
}
