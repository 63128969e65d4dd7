using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongxin.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Liaison2PlanUnique : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TaskPlans_RegionCode_Year",
                table: "TaskPlans");

            migrationBuilder.AddColumn<string>(
                name: "RequestsJson",
                table: "LiaisonFeedbackForms",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_TaskPlans_RegionCode_Year",
                table: "TaskPlans",
                columns: new[] { "RegionCode", "Year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TaskPlans_RegionCode_Year",
                table: "TaskPlans");

            migrationBuilder.DropColumn(
                name: "RequestsJson",
                table: "LiaisonFeedbackForms");

            migrationBuilder.CreateIndex(
                name: "IX_TaskPlans_RegionCode_Year",
                table: "TaskPlans",
                columns: new[] { "RegionCode", "Year" });
        }
    }
}
