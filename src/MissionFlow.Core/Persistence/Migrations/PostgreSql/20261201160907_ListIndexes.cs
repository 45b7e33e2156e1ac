using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionFlow.Core.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_Deadline_MissionId_Number",
                table: "Recommendations",
                columns: new[] { "Deadline", "MissionId", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_Missions_CreatedAt",
                table: "Missions",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Recommendations_Deadline_MissionId_Number",
                table: "Recommendations");

            migrationBuilder.DropIndex(
                name: "IX_Missions_CreatedAt",
                table: "Missions");
        }
    }
}
