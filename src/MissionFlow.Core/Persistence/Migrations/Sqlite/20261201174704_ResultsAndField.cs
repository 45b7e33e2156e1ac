using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionFlow.Core.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Result",
                table: "Recommendations",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            // Items verified before the column existed keep their latest result in their instance's data.
            migrationBuilder.Sql("""
                UPDATE "Recommendations" SET "Result" = (SELECT json_extract(i."DataJson", '$.result') FROM "WorkflowInstances" i WHERE i."Id" = "Recommendations"."InstanceId") WHERE "InstanceId" IS NOT NULL;
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
