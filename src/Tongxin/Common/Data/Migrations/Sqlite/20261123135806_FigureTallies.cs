using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongxin.Common.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FigureTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AccountCount",
                table: "Figures",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "FigureTallies",
                columns: table => new
                {
                    Dimension = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FigureTallies", x => new { x.Dimension, x.RegionCode, x.Value });
                });

            migrationBuilder.CreateIndex(
                name: "IX_FigureTallies_Dimension_RegionCode_Value_Count",
                table: "FigureTallies",
                columns: new[] { "Dimension", "RegionCode", "Value", "Count" });

            // Hand-added: backfill AccountCount, fill the tallies, install the triggers that keep them (see FigureTallySql).
            migrationBuilder.Sql(Tongxin.Features.Dashboard.FigureTallySql.Install(postgres: false));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Hand-added: the tally triggers go before their table.
            migrationBuilder.Sql(Tongxin.Features.Dashboard.FigureTallySql.DropSqliteTriggers);

            migrationBuilder.DropTable(
                name: "FigureTallies");

            migrationBuilder.DropColumn(
                name: "AccountCount",
                table: "Figures");
        }
    }
}
