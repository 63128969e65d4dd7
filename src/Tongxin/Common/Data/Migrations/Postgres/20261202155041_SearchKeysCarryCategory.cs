using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongxin.Common.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchKeysCarryCategory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_FigureSearchKeys",
                table: "FigureSearchKeys");

            migrationBuilder.AddColumn<string>(
                name: "Category",
                table: "FigureSearchKeys",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddPrimaryKey(
                name: "PK_FigureSearchKeys",
                table: "FigureSearchKeys",
                columns: new[] { "Key", "RegionCode", "Status", "SortKey", "FigureId", "Category" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_FigureSearchKeys",
                table: "FigureSearchKeys");

            migrationBuilder.DropColumn(
                name: "Category",
                table: "FigureSearchKeys");

            migrationBuilder.AddPrimaryKey(
                name: "PK_FigureSearchKeys",
                table: "FigureSearchKeys",
                columns: new[] { "Key", "RegionCode", "Status", "SortKey", "FigureId" });
        }
    }
}
