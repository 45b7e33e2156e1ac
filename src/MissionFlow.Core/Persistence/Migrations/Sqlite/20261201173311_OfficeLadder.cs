using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionFlow.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OfficeLadder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "FileId",
                table: "OfficeTasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "OfficeTasks",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Signer",
                table: "OfficeTasks",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "OfficeTasks",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Open");

            migrationBuilder.CreateIndex(
                name: "IX_OfficeTasks_State_DueDate",
                table: "OfficeTasks",
                columns: new[] { "State", "DueDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OfficeTasks_State_DueDate",
                table: "OfficeTasks");

            migrationBuilder.DropColumn(
                name: "FileId",
                table: "OfficeTasks");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "OfficeTasks");

            migrationBuilder.DropColumn(
                name: "Signer",
                table: "OfficeTasks");

            migrationBuilder.DropColumn(
                name: "State",
                table: "OfficeTasks");
        }
    }
}
