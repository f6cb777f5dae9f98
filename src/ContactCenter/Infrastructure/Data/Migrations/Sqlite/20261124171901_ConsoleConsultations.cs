using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactCenter.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ConsoleConsultations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "consultations",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    operator_user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    operator_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    topic = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    category_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    article_id = table.Column<int>(type: "INTEGER", nullable: true),
                    caller_phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    call_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    outage_id = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consultations", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_consultations_at",
                table: "consultations",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_consultations_caller_phone",
                table: "consultations",
                column: "caller_phone");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "consultations");
        }
    }
}
