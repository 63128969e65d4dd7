using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongxin.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HelpRequestBoardShapes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_HelpRequests_RegionCode_CreatedAt",
                table: "HelpRequests");

            migrationBuilder.CreateIndex(
                name: "IX_HelpRequests_RegionCode_CreatedAt_Tally",
                table: "HelpRequests",
                columns: new[] { "RegionCode", "CreatedAt", "Status", "Category", "Satisfaction", "DaysToSolve", "CompletedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_HelpRequests_RegionCode_CreatedAt_Tally",
                table: "HelpRequests");

            migrationBuilder.CreateIndex(
                name: "IX_HelpRequests_RegionCode_CreatedAt",
                table: "HelpRequests",
                columns: new[] { "RegionCode", "CreatedAt" });
        }
    }
}
