using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BowInbox.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MediaScanningHeldItems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MediaText",
                table: "Messages",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "HeldItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<int>(type: "integer", nullable: false),
                    MessageId = table.Column<long>(type: "bigint", nullable: false),
                    Sender = table.Column<int>(type: "integer", nullable: false),
                    ProviderId = table.Column<int>(type: "integer", nullable: true),
                    Reason = table.Column<int>(type: "integer", nullable: false),
                    Detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    HeldAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OverdueAlertedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SendFrom = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SendToProtected = table.Column<string>(type: "text", nullable: false),
                    SendToHash = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    PayloadKind = table.Column<int>(type: "integer", nullable: false),
                    PayloadProtected = table.Column<string>(type: "text", nullable: false),
                    FallbackProtected = table.Column<string>(type: "text", nullable: true),
                    SenderFrom = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SenderProtected = table.Column<string>(type: "text", nullable: false),
                    SenderHash = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    MediaId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    MediaMimeType = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HeldItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HeldItems_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HeldItems_Status_DueAt",
                table: "HeldItems",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HeldItems_TicketId",
                table: "HeldItems",
                column: "TicketId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HeldItems");

            migrationBuilder.DropColumn(
                name: "MediaText",
                table: "Messages");
        }
    }
}
