using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BowInbox.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MessagePricing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "PricingBillable",
                table: "StatusEvents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PricingCategory",
                table: "StatusEvents",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PricingModel",
                table: "StatusEvents",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PricingType",
                table: "StatusEvents",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PricingBillable",
                table: "Messages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PricingCategory",
                table: "Messages",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PricingModel",
                table: "Messages",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PricingType",
                table: "Messages",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "MarketingPreferenceAt",
                table: "Contacts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "MarketingStoppedAt",
                table: "Contacts",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PricingBillable",
                table: "StatusEvents");

            migrationBuilder.DropColumn(
                name: "PricingCategory",
                table: "StatusEvents");

            migrationBuilder.DropColumn(
                name: "PricingModel",
                table: "StatusEvents");

            migrationBuilder.DropColumn(
                name: "PricingType",
                table: "StatusEvents");

            migrationBuilder.DropColumn(
                name: "PricingBillable",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "PricingCategory",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "PricingModel",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "PricingType",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "MarketingPreferenceAt",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "MarketingStoppedAt",
                table: "Contacts");
        }
    }
}
