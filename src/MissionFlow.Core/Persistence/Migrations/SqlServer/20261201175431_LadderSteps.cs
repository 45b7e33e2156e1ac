using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionFlow.Core.Persistence.Migrations.SqlServer
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
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Complex",
                table: "OfficeTasks",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "OverdueRemindedAt",
                table: "OfficeTasks",
                type: "datetimeoffset",
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
