using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BowInbox.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BsuidIdentities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ParentUserIdHash",
                table: "Providers",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ParentUserIdProtected",
                table: "Providers",
                type: "TEXT",
                maxLength: 512,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UserIdHash",
                table: "Providers",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UserIdProtected",
                table: "Providers",
                type: "TEXT",
                maxLength: 512,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ParentUserIdHash",
                table: "Contacts",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ParentUserIdProtected",
                table: "Contacts",
                type: "TEXT",
                maxLength: 512,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UserIdHash",
                table: "Contacts",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UserIdProtected",
                table: "Contacts",
                type: "TEXT",
                maxLength: 512,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Providers_ParentUserIdHash",
                table: "Providers",
                column: "ParentUserIdHash");

            migrationBuilder.CreateIndex(
                name: "IX_Providers_UserIdHash",
                table: "Providers",
                column: "UserIdHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_ParentUserIdHash",
                table: "Contacts",
                column: "ParentUserIdHash");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_UserIdHash",
                table: "Contacts",
                column: "UserIdHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Providers_ParentUserIdHash",
                table: "Providers");

            migrationBuilder.DropIndex(
                name: "IX_Providers_UserIdHash",
                table: "Providers");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_ParentUserIdHash",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_UserIdHash",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "ParentUserIdHash",
                table: "Providers");

            migrationBuilder.DropColumn(
                name: "ParentUserIdProtected",
                table: "Providers");

            migrationBuilder.DropColumn(
                name: "UserIdHash",
                table: "Providers");

            migrationBuilder.DropColumn(
                name: "UserIdProtected",
                table: "Providers");

            migrationBuilder.DropColumn(
                name: "ParentUserIdHash",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "ParentUserIdProtected",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "UserIdHash",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "UserIdProtected",
                table: "Contacts");
        }
    }
}
