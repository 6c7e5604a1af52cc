using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BowInbox.Data.SqlServer.Migrations
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
                type: "int",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "int");

            migrationBuilder.AddColumn<bool>(
                name: "Coexistence",
                table: "ProxyNumbers",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastWebhookAt",
                table: "ProxyNumbers",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MessagesPerSecond",
                table: "ProxyNumbers",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PortfolioId",
                table: "ProxyNumbers",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SendingStoppedAt",
                table: "ProxyNumbers",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SendingStoppedCode",
                table: "ProxyNumbers",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WabaCheckedAt",
                table: "ProxyNumbers",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WabaId",
                table: "ProxyNumbers",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "WabaSubscribed",
                table: "ProxyNumbers",
                type: "bit",
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
                type: "int",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "int",
                oldNullable: true);
        }
    }
}
