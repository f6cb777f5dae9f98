using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactCenter.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UnifiedSystemCardsAndOperatorExtensions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "extension",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "unified_cards",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    external_number = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    appeal_id = table.Column<long>(type: "INTEGER", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    external_priority = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    external_status = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    topic = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    external_created_at = table.Column<long>(type: "INTEGER", nullable: true),
                    external_due_at = table.Column<long>(type: "INTEGER", nullable: true),
                    fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    imported_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    imported_by_name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unified_cards", x => x.id);
                    table.ForeignKey(
                        name: "fk_unified_cards_appeals_appeal_id",
                        column: x => x.appeal_id,
                        principalTable: "appeals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_users_extension",
                table: "AspNetUsers",
                column: "extension",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_unified_cards_appeal_id",
                table: "unified_cards",
                column: "appeal_id");

            migrationBuilder.CreateIndex(
                name: "ix_unified_cards_external_number",
                table: "unified_cards",
                column: "external_number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "unified_cards");

            migrationBuilder.DropIndex(
                name: "ix_asp_net_users_extension",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "extension",
                table: "AspNetUsers");
        }
    }
}
