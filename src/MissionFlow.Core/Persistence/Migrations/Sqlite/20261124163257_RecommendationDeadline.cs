using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionFlow.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RecommendationDeadline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Recommendations_AgencyId",
                table: "Recommendations");

            migrationBuilder.AddColumn<DateOnly>(
                name: "Deadline",
                table: "Recommendations",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_AgencyId_Deadline",
                table: "Recommendations",
                columns: new[] { "AgencyId", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_Files_JournalEntryId",
                table: "Files",
                column: "JournalEntryId");

            migrationBuilder.AddForeignKey(
                name: "FK_Files_WorkflowJournal_JournalEntryId",
                table: "Files",
                column: "JournalEntryId",
                principalTable: "WorkflowJournal",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Files_WorkflowJournal_JournalEntryId",
                table: "Files");

            migrationBuilder.DropIndex(
                name: "IX_Recommendations_AgencyId_Deadline",
                table: "Recommendations");

            migrationBuilder.DropIndex(
                name: "IX_Files_JournalEntryId",
                table: "Files");

            migrationBuilder.DropColumn(
                name: "Deadline",
                table: "Recommendations");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_AgencyId",
                table: "Recommendations",
                column: "AgencyId");
        }
    }
}
