using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongxin.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DailyWorkSupplements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TaskPlans_RegionCode_Year",
                table: "TaskPlans");

            migrationBuilder.DropIndex(
                name: "IX_Figures_IdNumberHash",
                table: "Figures");

            // Text over the new limits (TextLimits): such values were only possible before the limits existed (the
            // API and the import accepted up to 100,000 characters). SQLite does not enforce the lengths, but the forms and
            // the import now refuse a longer value, so a record holding one could not be saved again unchanged; and both
            // providers keep the same data (on PostgreSQL the ALTER COLUMN to character varying(n) fails without this).
            // They are cut to the limit, as the forms would have cut them had the limit existed when they were entered.
            migrationBuilder.Sql("""
                UPDATE "Positions" SET "Title" = substr("Title", 1, 500) WHERE length("Title") > 500;
                UPDATE "Positions" SET "Organization" = substr("Organization", 1, 200) WHERE length("Organization") > 200;
                UPDATE "PlatformAccounts" SET "Url" = substr("Url", 1, 500) WHERE length("Url") > 500;
                UPDATE "Organizations" SET "LiaisonOfficer" = substr("LiaisonOfficer", 1, 50) WHERE length("LiaisonOfficer") > 50;
                UPDATE "Organizations" SET "Description" = substr("Description", 1, 2000) WHERE length("Description") > 2000;
                UPDATE "Organizations" SET "BaseOffers" = substr("BaseOffers", 1, 1000) WHERE length("BaseOffers") > 1000;
                UPDATE "Organizations" SET "Address" = substr("Address", 1, 200) WHERE length("Address") > 200;
                UPDATE "Honours" SET "Title" = substr("Title", 1, 500) WHERE length("Title") > 500;
                UPDATE "Honours" SET "Issuer" = substr("Issuer", 1, 200) WHERE length("Issuer") > 200;
                """);

            // Plans made twice for one year and region before (year, region) was unique (two requests at once): the tasks
            // of the later plans move to the earliest one, after its own (their order kept), and the emptied plans are
            // removed with an audit line naming each one, its title and where its tasks went, so that nothing is lost.
            migrationBuilder.Sql("""
                CREATE TEMPORARY TABLE "PlanFold" AS
                SELECT p."Id", p."RegionCode", p."Year", p."Title",
                    FIRST_VALUE(p."Id") OVER (PARTITION BY p."RegionCode", p."Year" ORDER BY p."Id") AS "KeepId",
                    COALESCE(SUM(COALESCE(m."MaxSeq", 0)) OVER (PARTITION BY p."RegionCode", p."Year" ORDER BY p."Id"
                        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS "Offset"
                FROM "TaskPlans" p
                LEFT JOIN (SELECT "PlanId", MAX("Seq") AS "MaxSeq" FROM "PlanTasks" GROUP BY "PlanId") m ON m."PlanId" = p."Id";
                UPDATE "PlanTasks" SET "PlanId" = f."KeepId", "Seq" = "PlanTasks"."Seq" + f."Offset"
                FROM "PlanFold" f WHERE f."Id" = "PlanTasks"."PlanId" AND f."Id" <> f."KeepId";
                INSERT INTO "AuditEntries" ("At", "UserName", "Action", "EntityType", "EntityId", "RegionCode", "Summary")
                SELECT strftime('%Y-%m-%d %H:%M:%f', 'now'), 'migration', 'task-plan-merge', 'TaskPlan', CAST(f."KeepId" AS TEXT), f."RegionCode",
                    '同一年度和地区的重复任务方案已合并：' || f."Year" || '年“' || f."Title" || '”（#' || CAST(f."Id" AS TEXT) || '）的任务并入 #' || CAST(f."KeepId" AS TEXT)
                FROM "PlanFold" f WHERE f."Id" <> f."KeepId";
                DELETE FROM "TaskPlans" WHERE "Id" IN (SELECT "Id" FROM "PlanFold" WHERE "Id" <> "KeepId");
                DROP TABLE "PlanFold";
                """);

            migrationBuilder.AlterColumn<long>(
                name: "Works",
                table: "PlatformAccounts",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<long>(
                name: "Likes",
                table: "PlatformAccounts",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<long>(
                name: "Works",
                table: "MetricSnapshots",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<long>(
                name: "Likes",
                table: "MetricSnapshots",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<string>(
                name: "RequestsJson",
                table: "LiaisonFeedbackForms",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "JobId",
                table: "ImportBatches",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Attachments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OwnerId = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    FigureId = table.Column<long>(type: "INTEGER", nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    StoredKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UploadedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UploadedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attachments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KeyCheckValue",
                columns: table => new
                {
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Check = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyCheckValue", x => x.KeyId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TaskPlans_RegionCode_Year",
                table: "TaskPlans",
                columns: new[] { "RegionCode", "Year" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_OwnerKind_OwnerId_Id",
                table: "Attachments",
                columns: new[] { "OwnerKind", "OwnerId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Attachments");

            migrationBuilder.DropTable(
                name: "KeyCheckValue");

            migrationBuilder.DropIndex(
                name: "IX_TaskPlans_RegionCode_Year",
                table: "TaskPlans");

            migrationBuilder.DropIndex(
                name: "IX_ImportBatches_JobId",
                table: "ImportBatches");

            migrationBuilder.DropIndex(
                name: "IX_Figures_IdNumberHash",
                table: "Figures");

            migrationBuilder.DropColumn(
                name: "RequestsJson",
                table: "LiaisonFeedbackForms");

            migrationBuilder.DropColumn(
                name: "JobId",
                table: "ImportBatches");

            migrationBuilder.AlterColumn<long>(
                name: "Works",
                table: "PlatformAccounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "Likes",
                table: "PlatformAccounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "Works",
                table: "MetricSnapshots",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "Likes",
                table: "MetricSnapshots",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_TaskPlans_RegionCode_Year",
                table: "TaskPlans",
                columns: new[] { "RegionCode", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_Figures_IdNumberHash",
                table: "Figures",
                column: "IdNumberHash");
        }
    }
}
