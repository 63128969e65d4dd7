using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongxin.Common.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchKeysInNameOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_FigureSearchKeys_NameOrder",
                table: "FigureSearchKeys",
                columns: new[] { "Key", "Status", "SortKey", "FigureId", "RegionCode", "Category" },
                filter: "\"Key\" < 'p'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FigureSearchKeys_NameOrder",
                table: "FigureSearchKeys");
        }
    }
}
