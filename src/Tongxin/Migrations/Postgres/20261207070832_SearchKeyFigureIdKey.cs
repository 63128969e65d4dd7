using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongxin.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchKeyFigureIdKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FigureSearchKeys_FigureId",
                table: "FigureSearchKeys");

            migrationBuilder.CreateIndex(
                name: "IX_FigureSearchKeys_FigureId_Key",
                table: "FigureSearchKeys",
                columns: new[] { "FigureId", "Key" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FigureSearchKeys_FigureId_Key",
                table: "FigureSearchKeys");

            migrationBuilder.CreateIndex(
                name: "IX_FigureSearchKeys_FigureId",
                table: "FigureSearchKeys",
                column: "FigureId");
        }
    }
}
