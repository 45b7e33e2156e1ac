using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionFlow.Core.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CoveringListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Recommendations_AgencyId_Closed_Deadline",
                table: "Recommendations");

            migrationBuilder.DropIndex(
                name: "IX_Recommendations_MissionId_Closed_Deadline",
                table: "Recommendations");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_AgencyId_Closed_Deadline_InstanceId",
                table: "Recommendations",
                columns: new[] { "AgencyId", "Closed", "Deadline", "InstanceId" });

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_MissionId_Closed_Deadline_InstanceId",
                table: "Recommendations",
                columns: new[] { "MissionId", "Closed", "Deadline", "InstanceId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Recommendations_AgencyId_Closed_Deadline_InstanceId",
                table: "Recommendations");

            migrationBuilder.DropIndex(
                name: "IX_Recommendations_MissionId_Closed_Deadline_InstanceId",
                table: "Recommendations");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_AgencyId_Closed_Deadline",
                table: "Recommendations",
                columns: new[] { "AgencyId", "Closed", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_MissionId_Closed_Deadline",
                table: "Recommendations",
                columns: new[] { "MissionId", "Closed", "Deadline" });
        }
    }
}
