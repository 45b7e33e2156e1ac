using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionFlow.Core.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ResultsAndField : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Field",
                table: "Recommendations",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Result",
                table: "Recommendations",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: true);

            // Items verified before the column existed keep their latest result in their instance's data.
            migrationBuilder.Sql("""
                UPDATE r SET r.[Result] = JSON_VALUE(i.[DataJson], '$.result') FROM [Recommendations] r JOIN [WorkflowInstances] i ON i.[Id] = r.[InstanceId];
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Field",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "Result",
                table: "Recommendations");
        }
    }
}
