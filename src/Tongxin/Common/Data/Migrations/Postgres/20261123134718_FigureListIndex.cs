using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongxin.Common.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FigureListIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Figures_Status_RegionCode_KeyLevel_SortKey_Id",
                table: "Figures",
                columns: new[] { "Status", "RegionCode", "KeyLevel", "SortKey", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Figures_Status_RegionCode_KeyLevel_SortKey_Id",
                table: "Figures");
        }
    }
}
