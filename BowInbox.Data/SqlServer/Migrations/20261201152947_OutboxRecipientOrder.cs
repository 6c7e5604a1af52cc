using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BowInbox.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class OutboxRecipientOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RecipientHash",
                table: "Outbox",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RecipientHash",
                table: "Outbox");
        }
    }
}
