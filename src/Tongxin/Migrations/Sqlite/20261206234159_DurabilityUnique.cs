using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongxin.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DurabilityUnique : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Figures_IdNumberHash",
                table: "Figures");

            migrationBuilder.AddColumn<Guid>(
                name: "JobId",
                table: "ImportBatches",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImportBatches_JobId",
                table: "ImportBatches",
                column: "JobId",
                unique: true);

            // ID numbers registered twice before the index was unique (two requests at once, two imports at once; the
            // demo and bench generators): the later figures' hashes get their id, so the index can be built; such a figure
            // no longer matches its number (the earlier one does) and its next edit with the number is refused until settled.
            migrationBuilder.Sql("""
                UPDATE "Figures" SET "IdNumberHash" = "IdNumberHash" || '#' || "Id"
                WHERE "IdNumberHash" IS NOT NULL AND EXISTS (SELECT 1 FROM "Figures" b WHERE b."IdNumberHash" = "Figures"."IdNumberHash" AND b."Id" < "Figures"."Id");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Figures_IdNumberHash",
                table: "Figures",
                column: "IdNumberHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ImportBatches_JobId",
                table: "ImportBatches");

            migrationBuilder.DropIndex(
                name: "IX_Figures_IdNumberHash",
                table: "Figures");

            migrationBuilder.DropColumn(
                name: "JobId",
                table: "ImportBatches");

            migrationBuilder.CreateIndex(
                name: "IX_Figures_IdNumberHash",
                table: "Figures",
                column: "IdNumberHash");
        }
    }
}
