using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionFlow.Core.Persistence.Migrations.SqlServer
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
                type: "bit",
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
                UPDATE r SET r.[Closed] = CAST(1 AS bit), r.[ClosedOn] = CAST(SWITCHOFFSET(i.[UpdatedAt], '+07:00') AS date)
                FROM [Recommendations] AS r INNER JOIN [WorkflowInstances] AS i ON i.[Id] = r.[InstanceId]
                WHERE i.[WorkflowId] = N'recommendation-followup' AND i.[State] = N'closed';
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
