using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongxin.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchShapes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Figures_Status_RegionCode_KeyLevel_SortKey_Id",
                table: "Figures");

            migrationBuilder.CreateIndex(
                name: "IX_Figures_ListFilters",
                table: "Figures",
                columns: new[] { "Status", "RegionCode", "KeyLevel", "SortKey", "Id", "Category", "MaxFollowers" });

            // A city's pinyin keys as one range (KeyOnlySearch.CityPinyinKeys): an index on an expression, which EF's model cannot state.
            migrationBuilder.Sql("""CREATE INDEX IF NOT EXISTS "IX_FigureSearchKeys_CityPinyin" ON "FigureSearchKeys" (substr("RegionCode", 1, 4), "Key", "Status", "SortKey", "FigureId", "RegionCode", "Category") WHERE substr("Key", 1, 2) = 'p:'""");

            // A key per platform of a figure's accounts (FigureSearchIndexer.PlatformKey), for the rows written before it existed.
            migrationBuilder.Sql("""
                INSERT INTO "FigureSearchKeys" ("Key", "RegionCode", "Status", "SortKey", "FigureId", "Category")
                SELECT DISTINCT 'a:' || a."Platform", f."RegionCode", f."Status", f."SortKey", f."Id", COALESCE(f."Category", '')
                FROM "PlatformAccounts" a JOIN "Figures" f ON f."Id" = a."FigureId"
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_FigureSearchKeys_CityPinyin";""");
            migrationBuilder.Sql("""DELETE FROM "FigureSearchKeys" WHERE "Key" >= 'a:' AND "Key" < 'a;';""");

            migrationBuilder.DropIndex(
                name: "IX_Figures_ListFilters",
                table: "Figures");

            migrationBuilder.CreateIndex(
                name: "IX_Figures_Status_RegionCode_KeyLevel_SortKey_Id",
                table: "Figures",
                columns: new[] { "Status", "RegionCode", "KeyLevel", "SortKey", "Id" });
        }
    }
}
