using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongxin.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DueDates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "LastContactOn",
                table: "LiaisonAssignments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "NextDueOn",
                table: "LiaisonAssignments",
                type: "TEXT",
                nullable: true);

            // Backfill before the index is built (one pass each, no index upkeep): the last contact per
            // (figure, cadre) from the logs' (FigureId, CadreUserId, Date) index, then the next-due date from the
            // contactRule dictionary as ContactRules reads it (label "90" or "90天"; a level without a rule takes
            // "none"'s; no rule at all: null, never due). Dates are ISO text, as EF writes DateOnly.
            migrationBuilder.Sql("""
                UPDATE "LiaisonAssignments" SET "LastContactOn" = (SELECT MAX(l."Date") FROM "ContactLogs" AS l
                    WHERE l."FigureId" = "LiaisonAssignments"."FigureId" AND l."CadreUserId" = "LiaisonAssignments"."CadreUserId");
                """);
            migrationBuilder.Sql("""
                WITH raw AS (SELECT "Code", rtrim(trim("Label"), '天') AS n FROM "DictionaryItems" WHERE "Type" = 'contactRule' AND "IsEnabled"),
                rules AS (SELECT "Code", CAST(n AS INTEGER) AS days FROM raw WHERE n <> '' AND length(n) <= 6 AND n NOT GLOB '*[^0-9]*')
                UPDATE "LiaisonAssignments"
                SET "NextDueOn" = date(COALESCE("LastContactOn", "StartOn"), '+' || COALESCE(
                    (SELECT r.days FROM rules AS r WHERE r.days > 0 AND r."Code" = (SELECT f."KeyLevel" FROM "Figures" AS f WHERE f."Id" = "LiaisonAssignments"."FigureId")),
                    (SELECT r.days FROM rules AS r WHERE r.days > 0 AND r."Code" = 'none')) || ' days');
                """);

            migrationBuilder.CreateIndex(
                name: "IX_LiaisonAssignments_EndOn_NextDueOn_Id",
                table: "LiaisonAssignments",
                columns: new[] { "EndOn", "NextDueOn", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LiaisonAssignments_EndOn_NextDueOn_Id",
                table: "LiaisonAssignments");

            migrationBuilder.DropColumn(
                name: "LastContactOn",
                table: "LiaisonAssignments");

            migrationBuilder.DropColumn(
                name: "NextDueOn",
                table: "LiaisonAssignments");
        }
    }
}
