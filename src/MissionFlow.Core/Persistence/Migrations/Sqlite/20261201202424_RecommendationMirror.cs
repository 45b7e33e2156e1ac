using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionFlow.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RecommendationMirror : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_WorkflowId_State",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_Recommendations_AgencyId_Deadline",
                table: "Recommendations");

            migrationBuilder.DropIndex(
                name: "IX_Recommendations_Deadline_MissionId_Number",
                table: "Recommendations");

            migrationBuilder.AddColumn<bool>(
                name: "Closed",
                table: "Recommendations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "Recommendations",
                type: "TEXT",
                nullable: true);

            // The follow-ups already in a final state: "closed" is the only final state of recommendation-followup
            // v1, v2 and v3 (workflows/*.json). Closed on the instance's last change, as a date in the council's
            // time zone (Vietnam, UTC+7, no daylight saving).
            // Instants are stored as EF's binary DateTimeOffset (UTC ticks / 1000, shifted 11 bits): seconds since 0001-01-01, moved to the Unix epoch.
            migrationBuilder.Sql("""
                UPDATE "Recommendations" SET "Closed" = 1,
                    "ClosedOn" = (SELECT date((i."UpdatedAt" >> 11) / 10000 - 62135596800 + 7 * 3600, 'unixepoch') FROM "WorkflowInstances" AS i WHERE i."Id" = "Recommendations"."InstanceId")
                WHERE "InstanceId" IN (SELECT "Id" FROM "WorkflowInstances" WHERE "WorkflowId" = 'recommendation-followup' AND "State" = 'closed');
                """);

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_WorkflowId_State_WorkflowVersion",
                table: "WorkflowInstances",
                columns: new[] { "WorkflowId", "State", "WorkflowVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_AgencyId_Closed_Deadline",
                table: "Recommendations",
                columns: new[] { "AgencyId", "Closed", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_Closed_Deadline_MissionId_Number",
                table: "Recommendations",
                columns: new[] { "Closed", "Deadline", "MissionId", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_MissionId_Closed_Deadline",
                table: "Recommendations",
                columns: new[] { "MissionId", "Closed", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_Result",
                table: "Recommendations",
                column: "Result");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowInstances_WorkflowId_State_WorkflowVersion",
                table: "WorkflowInstances");

            migrationBuilder.DropIndex(
                name: "IX_Recommendations_AgencyId_Closed_Deadline",
                table: "Recommendations");

            migrationBuilder.DropIndex(
                name: "IX_Recommendations_Closed_Deadline_MissionId_Number",
                table: "Recommendations");

            migrationBuilder.DropIndex(
                name: "IX_Recommendations_MissionId_Closed_Deadline",
                table: "Recommendations");

            migrationBuilder.DropIndex(
                name: "IX_Recommendations_Result",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "Closed",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "ClosedOn",
                table: "Recommendations");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_WorkflowId_State",
                table: "WorkflowInstances",
                columns: new[] { "WorkflowId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_AgencyId_Deadline",
                table: "Recommendations",
                columns: new[] { "AgencyId", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_Deadline_MissionId_Number",
                table: "Recommendations",
                columns: new[] { "Deadline", "MissionId", "Number" });
        }
    }
}
