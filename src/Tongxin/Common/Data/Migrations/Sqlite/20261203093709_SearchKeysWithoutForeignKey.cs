using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongxin.Common.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchKeysWithoutForeignKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_FigureSearchKeys_Figures_FigureId",
                table: "FigureSearchKeys");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddForeignKey(
                name: "FK_FigureSearchKeys_Figures_FigureId",
                table: "FigureSearchKeys",
                column: "FigureId",
                principalTable: "Figures",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
