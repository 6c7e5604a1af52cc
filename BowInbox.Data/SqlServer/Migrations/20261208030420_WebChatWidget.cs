using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BowInbox.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class WebChatWidget : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WidgetKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    PublicKey = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    AllowedOrigins = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Color = table.Column<string>(type: "nvarchar(7)", maxLength: 7, nullable: false),
                    Greeting = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Language = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WidgetKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WidgetVisitors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    WidgetKeyId = table.Column<int>(type: "int", nullable: false),
                    ContactId = table.Column<int>(type: "int", nullable: false),
                    TicketId = table.Column<int>(type: "int", nullable: false),
                    EmailHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    EmailProtected = table.Column<string>(type: "nvarchar(1024)", maxLength: 1024, nullable: true),
                    HandoverCodeHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    HandoverCodeExpiresAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    MovedToWhatsAppAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WidgetVisitors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WidgetVisitors_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WidgetVisitors_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WidgetVisitors_WidgetKeys_WidgetKeyId",
                        column: x => x.WidgetKeyId,
                        principalTable: "WidgetKeys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WidgetKeys_PublicKey",
                table: "WidgetKeys",
                column: "PublicKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WidgetVisitors_ContactId",
                table: "WidgetVisitors",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_WidgetVisitors_HandoverCodeHash",
                table: "WidgetVisitors",
                column: "HandoverCodeHash");

            migrationBuilder.CreateIndex(
                name: "IX_WidgetVisitors_TicketId",
                table: "WidgetVisitors",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_WidgetVisitors_WidgetKeyId",
                table: "WidgetVisitors",
                column: "WidgetKeyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WidgetVisitors");

            migrationBuilder.DropTable(
                name: "WidgetKeys");
        }
    }
}
