using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongxin.Common.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TallyRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FigureTallies_Dimension_RegionCode_Value_Count",
                table: "FigureTallies");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_FigureTallies_Dimension_RegionCode_Value_Count",
                table: "FigureTallies",
                columns: new[] { "Dimension", "RegionCode", "Value", "Count" });
        }
    }
}
