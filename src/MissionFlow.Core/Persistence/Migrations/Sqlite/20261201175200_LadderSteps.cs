using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionFlow.Core.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Complex",
                table: "OfficeTasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "OverdueRemindedAt",
                table: "OfficeTasks",
                type: "INTEGER",
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
