using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ContactCenter.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PortalAndOpen311 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "open311attributes",
                table: "categories",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "tracking_token",
                table: "appeals",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

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

            migrationBuilder.CreateIndex(
                name: "ix_appeals_tracking_token",
                table: "appeals",
                column: "tracking_token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_knowledge_articles_is_public",
                table: "knowledge_articles",
                column: "is_public");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "knowledge_articles");

            migrationBuilder.DropTable(
                name: "open311tokens");

            migrationBuilder.DropIndex(
                name: "ix_appeals_tracking_token",
                table: "appeals");

            migrationBuilder.DropColumn(
                name: "open311attributes",
                table: "categories");

            migrationBuilder.DropColumn(
                name: "tracking_token",
                table: "appeals");
        }
    }
}
