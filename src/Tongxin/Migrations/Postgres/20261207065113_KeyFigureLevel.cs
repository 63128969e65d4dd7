using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongxin.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class KeyFigureLevel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Figures_KeyFigures",
                table: "Figures");

            migrationBuilder.CreateIndex(
                name: "IX_Figures_KeyFigures",
                table: "Figures",
                columns: new[] { "Status", "RegionCode", "SortKey", "Id", "KeyLevel" },
                filter: "\"KeyLevel\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Figures_KeyFigures",
                table: "Figures");

            migrationBuilder.CreateIndex(
                name: "IX_Figures_KeyFigures",
                table: "Figures",
                columns: new[] { "Status", "RegionCode", "SortKey", "Id" },
                filter: "\"KeyLevel\" IS NOT NULL");
        }
    }
}
