using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongxin.Migrations.Postgres
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
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "NextDueOn",
                table: "LiaisonAssignments",
                type: "date",
                nullable: true);

            // Backfill before the index is built (one pass each, no index upkeep): the last contact per
            // (figure, cadre) from one grouped scan of the logs, then the next-due date from the contactRule
            // dictionary as ContactRules reads it (label "90" or "90天"; a level without a rule takes "none"'s;
            // no rule at all: null, never due).
            migrationBuilder.Sql("""
                UPDATE "LiaisonAssignments" AS a SET "LastContactOn" = m.last
                FROM (SELECT "FigureId", "CadreUserId", MAX("Date") AS last FROM "ContactLogs" GROUP BY "FigureId", "CadreUserId") AS m
                WHERE m."FigureId" = a."FigureId" AND m."CadreUserId" = a."CadreUserId";
                """);
            migrationBuilder.Sql("""
                WITH raw AS (SELECT "Code", rtrim(btrim("Label"), '天') AS n FROM "DictionaryItems" WHERE "Type" = 'contactRule' AND "IsEnabled"),
                rules AS (SELECT "Code", CAST(n AS integer) AS days FROM raw WHERE n ~ '^[0-9]{1,6}$')
                UPDATE "LiaisonAssignments" AS a
                SET "NextDueOn" = COALESCE(a."LastContactOn", a."StartOn")
                    + COALESCE((SELECT r.days FROM rules r WHERE r.days > 0 AND r."Code" = f."KeyLevel"),
                               (SELECT r.days FROM rules r WHERE r.days > 0 AND r."Code" = 'none'))
                FROM "Figures" AS f
                WHERE f."Id" = a."FigureId";
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
