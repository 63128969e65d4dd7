using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tongxin.Migrations.Postgres
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
            // API and the import accepted up to 100,000 characters), and the ALTER COLUMN … TYPE character varying(n) below
            // fails on a longer value.
            // They are cut to the limit, as the forms would have cut them had the limit existed when they were entered.
            migrationBuilder.Sql("""
                UPDATE "Positions" SET "Title" = left("Title", 500) WHERE length("Title") > 500;
                UPDATE "Positions" SET "Organization" = left("Organization", 200) WHERE length("Organization") > 200;
                UPDATE "PlatformAccounts" SET "Url" = left("Url", 500) WHERE length("Url") > 500;
                UPDATE "Organizations" SET "LiaisonOfficer" = left("LiaisonOfficer", 50) WHERE length("LiaisonOfficer") > 50;
                UPDATE "Organizations" SET "Description" = left("Description", 2000) WHERE length("Description") > 2000;
                UPDATE "Organizations" SET "BaseOffers" = left("BaseOffers", 1000) WHERE length("BaseOffers") > 1000;
                UPDATE "Organizations" SET "Address" = left("Address", 200) WHERE length("Address") > 200;
                UPDATE "Honours" SET "Title" = left("Title", 500) WHERE length("Title") > 500;
                UPDATE "Honours" SET "Issuer" = left("Issuer", 200) WHERE length("Issuer") > 200;
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
                SELECT now(), 'migration', 'task-plan-merge', 'TaskPlan', CAST(f."KeepId" AS varchar), f."RegionCode",
                    '同一年度和地区的重复任务方案已合并：' || f."Year" || '年“' || f."Title" || '”（#' || CAST(f."Id" AS varchar) || '）的任务并入 #' || CAST(f."KeepId" AS varchar)
                FROM "PlanFold" f WHERE f."Id" <> f."KeepId";
                DELETE FROM "TaskPlans" WHERE "Id" IN (SELECT "Id" FROM "PlanFold" WHERE "Id" <> "KeepId");
                DROP TABLE "PlanFold";
                """);

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "Positions",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Organization",
                table: "Positions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "Works",
                table: "PlatformAccounts",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AlterColumn<string>(
                name: "Url",
                table: "PlatformAccounts",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "Likes",
                table: "PlatformAccounts",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AlterColumn<string>(
                name: "LiaisonOfficer",
                table: "Organizations",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Description",
                table: "Organizations",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "BaseOffers",
                table: "Organizations",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Address",
                table: "Organizations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "Works",
                table: "MetricSnapshots",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AlterColumn<long>(
                name: "Likes",
                table: "MetricSnapshots",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AddColumn<string>(
                name: "RequestsJson",
                table: "LiaisonFeedbackForms",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "JobId",
                table: "ImportBatches",
                type: "uuid",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "Honours",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "Issuer",
                table: "Honours",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.CreateTable(
                name: "Attachments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OwnerKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OwnerId = table.Column<long>(type: "bigint", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    FigureId = table.Column<long>(type: "bigint", nullable: true),
                    FileName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    StoredKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UploadedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    UploadedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attachments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KeyCheckValue",
                columns: table => new
                {
                    KeyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Check = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                UPDATE "Figures" a SET "IdNumberHash" = a."IdNumberHash" || '#' || a."Id"
                WHERE a."IdNumberHash" IS NOT NULL AND EXISTS (SELECT 1 FROM "Figures" b WHERE b."IdNumberHash" = a."IdNumberHash" AND b."Id" < a."Id");
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

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "Positions",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Organization",
                table: "Positions",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "Works",
                table: "PlatformAccounts",
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Url",
                table: "PlatformAccounts",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "Likes",
                table: "PlatformAccounts",
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "LiaisonOfficer",
                table: "Organizations",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(50)",
                oldMaxLength: 50,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Description",
                table: "Organizations",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(2000)",
                oldMaxLength: 2000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "BaseOffers",
                table: "Organizations",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Address",
                table: "Organizations",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "Works",
                table: "MetricSnapshots",
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "Likes",
                table: "MetricSnapshots",
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "Honours",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500);

            migrationBuilder.AlterColumn<string>(
                name: "Issuer",
                table: "Honours",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
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
