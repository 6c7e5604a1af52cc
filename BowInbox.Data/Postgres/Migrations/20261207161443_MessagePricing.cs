using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BowInbox.Data.Postgres.Migrations
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
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PricingCategory",
                table: "StatusEvents",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PricingModel",
                table: "StatusEvents",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PricingType",
                table: "StatusEvents",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PricingBillable",
                table: "Messages",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PricingCategory",
                table: "Messages",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PricingModel",
                table: "Messages",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PricingType",
                table: "Messages",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "MarketingPreferenceAt",
                table: "Contacts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "MarketingStoppedAt",
                table: "Contacts",
                type: "timestamp with time zone",
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
