using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionFlow.Core.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class LadderSteps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AttachmentFileId",
                table: "Outbox",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Complex",
                table: "OfficeTasks",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "OverdueRemindedAt",
                table: "OfficeTasks",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AttachmentFileId",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "Complex",
                table: "OfficeTasks");

            migrationBuilder.DropColumn(
                name: "OverdueRemindedAt",
                table: "OfficeTasks");
        }
    }
}
