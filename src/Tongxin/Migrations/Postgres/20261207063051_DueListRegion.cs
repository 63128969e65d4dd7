using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongxin.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DueListRegion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LiaisonAssignments_EndOn_NextDueOn_Id",
                table: "LiaisonAssignments");

            migrationBuilder.AddColumn<int>(
                name: "FigureStatus",
                table: "LiaisonAssignments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "NextDueSort",
                table: "LiaisonAssignments",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<string>(
                name: "RegionCode",
                table: "LiaisonAssignments",
                type: "character varying(12)",
                maxLength: 12,
                nullable: false,
                defaultValue: "",
                collation: "C");

            // The copies of each assignment's figure (region, status) and its sort date, in one set-based UPDATE (decision 0015).
            migrationBuilder.Sql("""
                UPDATE "LiaisonAssignments" AS a
                SET "RegionCode" = f."RegionCode", "FigureStatus" = f."Status", "NextDueSort" = COALESCE(a."NextDueOn", DATE '9999-12-31')
                FROM "Figures" AS f WHERE f."Id" = a."FigureId";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_LiaisonAssignments_Due",
                table: "LiaisonAssignments",
                columns: new[] { "NextDueSort", "Id", "RegionCode", "FigureStatus", "EndOn" },
                filter: "\"EndOn\" IS NULL AND \"FigureStatus\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_LiaisonAssignments_DueRegion",
                table: "LiaisonAssignments",
                columns: new[] { "RegionCode", "NextDueSort", "FigureStatus", "EndOn" },
                filter: "\"EndOn\" IS NULL AND \"FigureStatus\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_HelpRequests_CreatedByUserId_CreatedAt",
                table: "HelpRequests",
                columns: new[] { "CreatedByUserId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LiaisonAssignments_Due",
                table: "LiaisonAssignments");

            migrationBuilder.DropIndex(
                name: "IX_LiaisonAssignments_DueRegion",
                table: "LiaisonAssignments");

            migrationBuilder.DropIndex(
                name: "IX_HelpRequests_CreatedByUserId_CreatedAt",
                table: "HelpRequests");

            migrationBuilder.DropColumn(
                name: "FigureStatus",
                table: "LiaisonAssignments");

            migrationBuilder.DropColumn(
                name: "NextDueSort",
                table: "LiaisonAssignments");

            migrationBuilder.DropColumn(
                name: "RegionCode",
                table: "LiaisonAssignments");

            migrationBuilder.CreateIndex(
                name: "IX_LiaisonAssignments_EndOn_NextDueOn_Id",
                table: "LiaisonAssignments",
                columns: new[] { "EndOn", "NextDueOn", "Id" });
        }
    }
}
