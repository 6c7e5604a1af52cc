using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BowInbox.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RepeatOffenderCustomerPause : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HeldReason",
                table: "Messages",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PauseReason",
                table: "Contacts",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PausedAt",
                table: "Contacts",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HeldReason",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "PauseReason",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "PausedAt",
                table: "Contacts");
        }
    }
}
