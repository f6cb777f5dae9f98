using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ContactCenter.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddressAliasesAndOutages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "ix_street_aliases_street_id",
                table: "street_aliases",
                column: "street_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "outage_appeals");

            migrationBuilder.DropTable(
                name: "outage_areas");

            migrationBuilder.DropTable(
                name: "outage_buildings");

            migrationBuilder.DropTable(
                name: "outage_updates");

            migrationBuilder.DropTable(
                name: "street_aliases");

            migrationBuilder.DropTable(
                name: "outages");
        }
    }
}
