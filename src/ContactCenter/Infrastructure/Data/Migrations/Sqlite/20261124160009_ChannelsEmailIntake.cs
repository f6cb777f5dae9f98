using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactCenter.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChannelsEmailIntake : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "inbound_emails",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    message_id = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    from_address = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    from_name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: true),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    appeal_id = table.Column<long>(type: "INTEGER", nullable: true),
                    registration_number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    processed_by_name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbound_emails", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inbound_email_attachments",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    inbound_email_id = table.Column<long>(type: "INTEGER", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    data = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbound_email_attachments", x => x.id);
                    table.ForeignKey(
                        name: "fk_inbound_email_attachments_inbound_emails_inbound_email_id",
                        column: x => x.inbound_email_id,
                        principalTable: "inbound_emails",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_inbound_email_attachments_inbound_email_id",
                table: "inbound_email_attachments",
                column: "inbound_email_id");

            migrationBuilder.CreateIndex(
                name: "ix_inbound_emails_message_id",
                table: "inbound_emails",
                column: "message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inbound_emails_outcome_received_at",
                table: "inbound_emails",
                columns: new[] { "outcome", "received_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inbound_email_attachments");

            migrationBuilder.DropTable(
                name: "inbound_emails");
        }
    }
}
