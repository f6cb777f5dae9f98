using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactCenter.Infrastructure.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "tracking_token",
                table: "appeals",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "knowledge_articles",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    category_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    is_public = table.Column<bool>(type: "INTEGER", nullable: false),
                    search_text = table.Column<string>(type: "TEXT", maxLength: 21000, nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_knowledge_articles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "open311tokens",
                columns: table => new
                {
                    token = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    appeal_id = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
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
