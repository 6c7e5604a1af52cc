using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BowInbox.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ChannelUnroutedAndCannedReplies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CannedReplies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Shortcut = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4096, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CannedReplies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UnroutedMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Wamid = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    PhoneNumberId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FromHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FromProtected = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: true),
                    ContextWamid = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    RawJson = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HandledAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnroutedMessages", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CannedReplies_Shortcut",
                table: "CannedReplies",
                column: "Shortcut",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UnroutedMessages_HandledAt_ReceivedAt",
                table: "UnroutedMessages",
                columns: new[] { "HandledAt", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_UnroutedMessages_Wamid",
                table: "UnroutedMessages",
                column: "Wamid",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CannedReplies");

            migrationBuilder.DropTable(
                name: "UnroutedMessages");
        }
    }
}
