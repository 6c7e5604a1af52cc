using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BowInbox.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SmsChannel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Channel",
                table: "ProxyNumbers",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "WhatsApp");

            migrationBuilder.AddColumn<string>(
                name: "Channel",
                table: "Contacts",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "WhatsApp");

            migrationBuilder.CreateTable(
                name: "SmsOptOuts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NumberHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StoppedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmsOptOuts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WhatsAppContinuations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TicketId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WhatsAppContinuations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WhatsAppContinuations_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SmsOptOuts_NumberHash",
                table: "SmsOptOuts",
                column: "NumberHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WhatsAppContinuations_Code",
                table: "WhatsAppContinuations",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WhatsAppContinuations_TicketId",
                table: "WhatsAppContinuations",
                column: "TicketId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SmsOptOuts");

            migrationBuilder.DropTable(
                name: "WhatsAppContinuations");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "ProxyNumbers");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "Contacts");
        }
    }
}
