using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionFlow.Core.Persistence.Migrations.PostgreSql
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "Recommendations",
                type: "date",
                nullable: true);

            // The follow-ups already in a final state: "closed" is the only final state of recommendation-followup
            // v1, v2 and v3 (workflows/*.json). Closed on the instance's last change, as a date in the council's
            // time zone (Vietnam, UTC+7, no daylight saving).
            migrationBuilder.Sql("""
                UPDATE "Recommendations" AS r SET "Closed" = TRUE, "ClosedOn" = CAST(i."UpdatedAt" AT TIME ZONE 'Asia/Ho_Chi_Minh' AS date)
                FROM "WorkflowInstances" AS i
                WHERE i."Id" = r."InstanceId" AND i."WorkflowId" = 'recommendation-followup' AND i."State" = 'closed';
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
