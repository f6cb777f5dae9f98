using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactCenter.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AnalyticsRatingSpikes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "category_reference_time",
                columns: table => new
                {
                    category_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    execution_hours = table.Column<double>(type: "REAL", nullable: false),
                    explanation_hours = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_category_reference_time", x => x.category_code);
                });

            migrationBuilder.CreateTable(
                name: "executor_rating_day",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    executor_id = table.Column<int>(type: "INTEGER", nullable: false),
                    weights_id = table.Column<int>(type: "INTEGER", nullable: false),
                    closed = table.Column<int>(type: "INTEGER", nullable: false),
                    closed_on_time = table.Column<int>(type: "INTEGER", nullable: false),
                    executed = table.Column<int>(type: "INTEGER", nullable: false),
                    confirmed = table.Column<int>(type: "INTEGER", nullable: false),
                    rated = table.Column<int>(type: "INTEGER", nullable: false),
                    on_time_share = table.Column<double>(type: "REAL", nullable: true),
                    executed_share = table.Column<double>(type: "REAL", nullable: true),
                    confirmed_share = table.Column<double>(type: "REAL", nullable: true),
                    execution_speed = table.Column<double>(type: "REAL", nullable: true),
                    explanation_speed = table.Column<double>(type: "REAL", nullable: true),
                    satisfaction_index = table.Column<double>(type: "REAL", nullable: true),
                    score = table.Column<double>(type: "REAL", nullable: false),
                    rank = table.Column<int>(type: "INTEGER", nullable: false),
                    computed_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_executor_rating_day", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "rating_weights",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    effective_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    on_time = table.Column<double>(type: "REAL", nullable: false),
                    executed = table.Column<double>(type: "REAL", nullable: false),
                    confirmed = table.Column<double>(type: "REAL", nullable: false),
                    execution_speed = table.Column<double>(type: "REAL", nullable: false),
                    explanation_speed = table.Column<double>(type: "REAL", nullable: false),
                    satisfaction = table.Column<double>(type: "REAL", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by_name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rating_weights", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "spike_signal",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    detected_at = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    label = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    window_start = table.Column<long>(type: "INTEGER", nullable: false),
                    window_end = table.Column<long>(type: "INTEGER", nullable: false),
                    last_seen_at = table.Column<long>(type: "INTEGER", nullable: false),
                    count = table.Column<int>(type: "INTEGER", nullable: false),
                    baseline = table.Column<double>(type: "REAL", nullable: false),
                    appeal_numbers = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_spike_signal", x => x.id);
                });

            migrationBuilder.InsertData(
                table: "rating_weights",
                columns: new[] { "id", "confirmed", "created_at", "created_by_name", "effective_from", "executed", "execution_speed", "explanation_speed", "on_time", "satisfaction" },
                values: new object[] { 1, 0.20000000000000001, 630822816000000000L, "system", new DateOnly(2000, 1, 1), 0.14999999999999999, 0.10000000000000001, 0.10000000000000001, 0.25, 0.20000000000000001 });

            migrationBuilder.CreateIndex(
                name: "ix_questions_appeal_id",
                table: "questions",
                column: "appeal_id");

            migrationBuilder.CreateIndex(
                name: "ix_questions_closed_at",
                table: "questions",
                column: "closed_at");

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
                name: "ix_rating_weights_effective_from",
                table: "rating_weights",
                column: "effective_from",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_spike_signal_detected_at",
                table: "spike_signal",
                column: "detected_at");

            migrationBuilder.CreateIndex(
                name: "ix_spike_signal_kind_key_detected_at",
                table: "spike_signal",
                columns: new[] { "kind", "key", "detected_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "category_reference_time");

            migrationBuilder.DropTable(
                name: "executor_rating_day");

            migrationBuilder.DropTable(
                name: "rating_weights");

            migrationBuilder.DropTable(
                name: "spike_signal");

            migrationBuilder.DropIndex(
                name: "ix_questions_appeal_id",
                table: "questions");

            migrationBuilder.DropIndex(
                name: "ix_questions_closed_at",
                table: "questions");
        }
    }
}
