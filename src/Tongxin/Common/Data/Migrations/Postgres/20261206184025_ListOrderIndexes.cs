using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongxin.Common.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FigureSearchKeys_FigureId",
                table: "FigureSearchKeys");

            migrationBuilder.DropIndex(
                name: "IX_FigureSearchKeys_NameOrder",
                table: "FigureSearchKeys");

            migrationBuilder.DropIndex(
                name: "IX_Figures_EnrolledOn",
                table: "Figures");

            migrationBuilder.DropIndex(
                name: "IX_Figures_KeyFigures",
                table: "Figures");

            migrationBuilder.DropIndex(
                name: "IX_Figures_MaxFollowers_Id",
                table: "Figures");

            migrationBuilder.DropIndex(
                name: "IX_Figures_SortKey_Id",
                table: "Figures");

            migrationBuilder.DropIndex(
                name: "IX_Figures_Status_RegionCode_KeyLevel_SortKey_Id",
                table: "Figures");

            migrationBuilder.CreateIndex(
                name: "IX_FigureSearchKeys_FigureId_Key",
                table: "FigureSearchKeys",
                columns: new[] { "FigureId", "Key" });

            migrationBuilder.CreateIndex(
                name: "IX_Figures_ByEnrolment",
                table: "Figures",
                columns: new[] { "EnrolledOn", "Id", "Status", "RegionCode", "KeyLevel", "Category" },
                descending: new[] { true, false, false, false, false, false });

            migrationBuilder.CreateIndex(
                name: "IX_Figures_ByFollowers",
                table: "Figures",
                columns: new[] { "MaxFollowers", "Id", "Status", "RegionCode", "KeyLevel", "Category" },
                descending: new[] { true, false, false, false, false, false });

            migrationBuilder.CreateIndex(
                name: "IX_Figures_ByName",
                table: "Figures",
                columns: new[] { "SortKey", "Id", "Status", "RegionCode", "KeyLevel", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_Figures_InRegion",
                table: "Figures",
                columns: new[] { "Status", "RegionCode", "KeyLevel", "SortKey", "Id", "Category", "MaxFollowers" });

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
                name: "IX_FigureSearchKeys_FigureId_Key",
                table: "FigureSearchKeys");

            migrationBuilder.DropIndex(
                name: "IX_Figures_ByEnrolment",
                table: "Figures");

            migrationBuilder.DropIndex(
                name: "IX_Figures_ByFollowers",
                table: "Figures");

            migrationBuilder.DropIndex(
                name: "IX_Figures_ByName",
                table: "Figures");

            migrationBuilder.DropIndex(
                name: "IX_Figures_InRegion",
                table: "Figures");

            migrationBuilder.DropIndex(
                name: "IX_Figures_KeyFigures",
                table: "Figures");

            migrationBuilder.CreateIndex(
                name: "IX_FigureSearchKeys_FigureId",
                table: "FigureSearchKeys",
                column: "FigureId");

            migrationBuilder.CreateIndex(
                name: "IX_FigureSearchKeys_NameOrder",
                table: "FigureSearchKeys",
                columns: new[] { "Key", "Status", "SortKey", "FigureId", "RegionCode", "Category" },
                filter: "\"Key\" < 'p'");

            migrationBuilder.CreateIndex(
                name: "IX_Figures_EnrolledOn",
                table: "Figures",
                column: "EnrolledOn");

            migrationBuilder.CreateIndex(
                name: "IX_Figures_KeyFigures",
                table: "Figures",
                columns: new[] { "Status", "RegionCode", "SortKey", "Id" },
                filter: "\"KeyLevel\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Figures_MaxFollowers_Id",
                table: "Figures",
                columns: new[] { "MaxFollowers", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Figures_SortKey_Id",
                table: "Figures",
                columns: new[] { "SortKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Figures_Status_RegionCode_KeyLevel_SortKey_Id",
                table: "Figures",
                columns: new[] { "Status", "RegionCode", "KeyLevel", "SortKey", "Id" });
        }
    }
}
