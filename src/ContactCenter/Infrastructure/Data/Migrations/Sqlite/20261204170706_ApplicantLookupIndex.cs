using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactCenter.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ApplicantLookupIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "applicant_address_key",
                table: "appeals",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "applicant_name_key",
                table: "appeals",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_appeals_applicant_address_key",
                table: "appeals",
                column: "applicant_address_key");

            migrationBuilder.CreateIndex(
                name: "ix_appeals_applicant_name_key",
                table: "appeals",
                column: "applicant_name_key");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_appeals_applicant_address_key",
                table: "appeals");

            migrationBuilder.DropIndex(
                name: "ix_appeals_applicant_name_key",
                table: "appeals");

            migrationBuilder.DropColumn(
                name: "applicant_address_key",
                table: "appeals");

            migrationBuilder.DropColumn(
                name: "applicant_name_key",
                table: "appeals");
        }
    }
}
