using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongxin.Common.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchKeysCarryStatusAndSortKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_FigureSearchKeys",
                table: "FigureSearchKeys");

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "FigureSearchKeys",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "SortKey",
                table: "FigureSearchKeys",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddPrimaryKey(
                name: "PK_FigureSearchKeys",
                table: "FigureSearchKeys",
                columns: new[] { "Key", "RegionCode", "Status", "SortKey", "FigureId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_FigureSearchKeys",
                table: "FigureSearchKeys");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "FigureSearchKeys");

            migrationBuilder.DropColumn(
                name: "SortKey",
                table: "FigureSearchKeys");

            migrationBuilder.AddPrimaryKey(
                name: "PK_FigureSearchKeys",
                table: "FigureSearchKeys",
                columns: new[] { "Key", "RegionCode", "FigureId" });
        }
    }
}
