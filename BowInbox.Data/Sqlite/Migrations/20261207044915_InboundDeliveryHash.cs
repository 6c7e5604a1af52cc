using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BowInbox.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InboundDeliveryHash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DeliveryHash",
                table: "InboundEvents",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_InboundEvents_DeliveryHash",
                table: "InboundEvents",
                column: "DeliveryHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InboundEvents_DeliveryHash",
                table: "InboundEvents");

            migrationBuilder.DropColumn(
                name: "DeliveryHash",
                table: "InboundEvents");
        }
    }
}
