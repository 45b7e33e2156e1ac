using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionFlow.Core.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ReferenceFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Schedule_ConclusionDueAssumed",
                table: "Missions",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Schedule_ReportDueAssumed",
                table: "Missions",
                type: "bit",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Schedule_ConclusionDueAssumed",
                table: "Missions");

            migrationBuilder.DropColumn(
                name: "Schedule_ReportDueAssumed",
                table: "Missions");
        }
    }
}
