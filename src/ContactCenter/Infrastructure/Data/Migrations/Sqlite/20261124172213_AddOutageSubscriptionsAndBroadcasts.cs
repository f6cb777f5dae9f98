using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ContactCenter.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddOutageSubscriptionsAndBroadcasts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_notifications_appeals_appeal_id",
                table: "notifications");

            migrationBuilder.AlterColumn<long>(
                name: "appeal_id",
                table: "notifications",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<long>(
                name: "broadcast_id",
                table: "notifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "subscription_id",
                table: "notifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "broadcasts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    request_key = table.Column<Guid>(type: "TEXT", nullable: false),
                    outage_id = table.Column<long>(type: "INTEGER", nullable: true),
                    area_description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    type_mask = table.Column<int>(type: "INTEGER", nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    recipients = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by_user_id = table.Column<string>(type: "TEXT", nullable: true),
                    created_by_name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    executor_id = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_broadcasts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_rate_windows",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    window_start = table.Column<long>(type: "INTEGER", nullable: false),
                    used = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_rate_windows", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "subscriptions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    contact = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    scope = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    building_id = table.Column<int>(type: "INTEGER", nullable: true),
                    street_id = table.Column<int>(type: "INTEGER", nullable: true),
                    district_id = table.Column<int>(type: "INTEGER", nullable: true),
                    place_label = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    type_mask = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    token = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    confirmed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    unsubscribed_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subscriptions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_broadcast_id_channel_recipient",
                table: "notifications",
                columns: new[] { "broadcast_id", "channel", "recipient" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notifications_subscription_id",
                table: "notifications",
                column: "subscription_id");

            migrationBuilder.CreateIndex(
                name: "ix_broadcasts_created_at",
                table: "broadcasts",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_broadcasts_outage_id",
                table: "broadcasts",
                column: "outage_id");

            migrationBuilder.CreateIndex(
                name: "ix_broadcasts_request_key",
                table: "broadcasts",
                column: "request_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_subscriptions_channel_contact",
                table: "subscriptions",
                columns: new[] { "channel", "contact" });

            migrationBuilder.CreateIndex(
                name: "ix_subscriptions_status_building_id",
                table: "subscriptions",
                columns: new[] { "status", "building_id" });

            migrationBuilder.CreateIndex(
                name: "ix_subscriptions_status_district_id",
                table: "subscriptions",
                columns: new[] { "status", "district_id" });

            migrationBuilder.CreateIndex(
                name: "ix_subscriptions_status_street_id",
                table: "subscriptions",
                columns: new[] { "status", "street_id" });

            migrationBuilder.CreateIndex(
                name: "ix_subscriptions_token",
                table: "subscriptions",
                column: "token",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_notifications_appeals_appeal_id",
                table: "notifications",
                column: "appeal_id",
                principalTable: "appeals",
                principalColumn: "id");

            migrationBuilder.AddForeignKey(
                name: "fk_notifications_broadcasts_broadcast_id",
                table: "notifications",
                column: "broadcast_id",
                principalTable: "broadcasts",
                principalColumn: "id");

            migrationBuilder.AddForeignKey(
                name: "fk_notifications_subscriptions_subscription_id",
                table: "notifications",
                column: "subscription_id",
                principalTable: "subscriptions",
                principalColumn: "id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_notifications_appeals_appeal_id",
                table: "notifications");

            migrationBuilder.DropForeignKey(
                name: "fk_notifications_broadcasts_broadcast_id",
                table: "notifications");

            migrationBuilder.DropForeignKey(
                name: "fk_notifications_subscriptions_subscription_id",
                table: "notifications");

            migrationBuilder.DropTable(
                name: "broadcasts");

            migrationBuilder.DropTable(
                name: "outbox_rate_windows");

            migrationBuilder.DropTable(
                name: "subscriptions");

            migrationBuilder.DropIndex(
                name: "ix_notifications_broadcast_id_channel_recipient",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "ix_notifications_subscription_id",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "broadcast_id",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "subscription_id",
                table: "notifications");

            migrationBuilder.AlterColumn<long>(
                name: "appeal_id",
                table: "notifications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AddForeignKey(
                name: "fk_notifications_appeals_appeal_id",
                table: "notifications",
                column: "appeal_id",
                principalTable: "appeals",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
