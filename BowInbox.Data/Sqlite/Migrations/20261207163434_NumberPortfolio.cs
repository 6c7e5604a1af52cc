using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BowInbox.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NumberPortfolio : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "TicketId",
                table: "SupervisorAlerts",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<bool>(
                name: "Coexistence",
                table: "ProxyNumbers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastWebhookAt",
                table: "ProxyNumbers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MessagesPerSecond",
                table: "ProxyNumbers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PortfolioId",
                table: "ProxyNumbers",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SendingStoppedAt",
                table: "ProxyNumbers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SendingStoppedCode",
                table: "ProxyNumbers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WabaCheckedAt",
                table: "ProxyNumbers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WabaId",
                table: "ProxyNumbers",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "WabaSubscribed",
                table: "ProxyNumbers",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Coexistence",
                table: "ProxyNumbers");

            migrationBuilder.DropColumn(
                name: "LastWebhookAt",
                table: "ProxyNumbers");

            migrationBuilder.DropColumn(
                name: "MessagesPerSecond",
                table: "ProxyNumbers");

            migrationBuilder.DropColumn(
                name: "PortfolioId",
                table: "ProxyNumbers");

            migrationBuilder.DropColumn(
                name: "SendingStoppedAt",
                table: "ProxyNumbers");

            migrationBuilder.DropColumn(
                name: "SendingStoppedCode",
                table: "ProxyNumbers");

            migrationBuilder.DropColumn(
                name: "WabaCheckedAt",
                table: "ProxyNumbers");

            migrationBuilder.DropColumn(
                name: "WabaId",
                table: "ProxyNumbers");

            migrationBuilder.DropColumn(
                name: "WabaSubscribed",
                table: "ProxyNumbers");

            migrationBuilder.AlterColumn<int>(
                name: "TicketId",
                table: "SupervisorAlerts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
