using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongxin.Common.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class KeyFiguresIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Figures_KeyFigures",
                table: "Figures",
                columns: new[] { "Status", "RegionCode", "SortKey", "Id" },
                filter: "\"KeyLevel\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Figures_KeyFigures",
                table: "Figures");
        }
    }
}
