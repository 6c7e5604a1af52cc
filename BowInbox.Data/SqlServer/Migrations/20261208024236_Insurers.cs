using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BowInbox.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Insurers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "InsurerId",
                table: "Tickets",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Insurers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Aliases = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    PolicyPatterns = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    DeskGroupId = table.Column<int>(type: "int", nullable: false),
                    UnderwritingGroupId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Insurers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Insurers_ProviderGroups_DeskGroupId",
                        column: x => x.DeskGroupId,
                        principalTable: "ProviderGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Insurers_ProviderGroups_UnderwritingGroupId",
                        column: x => x.UnderwritingGroupId,
                        principalTable: "ProviderGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_InsurerId",
                table: "Tickets",
                column: "InsurerId");

            migrationBuilder.CreateIndex(
                name: "IX_Insurers_DeskGroupId",
                table: "Insurers",
                column: "DeskGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_Insurers_Name",
                table: "Insurers",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Insurers_UnderwritingGroupId",
                table: "Insurers",
                column: "UnderwritingGroupId");

            migrationBuilder.AddForeignKey(
                name: "FK_Tickets_Insurers_InsurerId",
                table: "Tickets",
                column: "InsurerId",
                principalTable: "Insurers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Tickets_Insurers_InsurerId",
                table: "Tickets");

            migrationBuilder.DropTable(
                name: "Insurers");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_InsurerId",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "InsurerId",
                table: "Tickets");
        }
    }
}
