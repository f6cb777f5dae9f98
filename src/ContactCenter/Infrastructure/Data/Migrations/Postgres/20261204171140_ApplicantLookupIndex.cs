using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactCenter.Infrastructure.Data.Migrations.Postgres
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
                type: "character varying(500)",
                maxLength: 500,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "applicant_name_key",
                table: "appeals",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true,
                collation: "C");

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
