using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongxin.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UniqueAccountHandleSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Handles registered twice before the index (an update skipped the check): the later rows' keys get their
            // id, so the index can be built and the next edit of such an account is refused until the owner is settled.
            migrationBuilder.Sql("""
                UPDATE "PlatformAccounts" SET "HandleKey" = substr("HandleKey", 1, 80) || '#' || "Id"
                WHERE EXISTS (SELECT 1 FROM "PlatformAccounts" b WHERE b."Platform" = "PlatformAccounts"."Platform" AND b."HandleKey" = "PlatformAccounts"."HandleKey" AND b."Id" < "PlatformAccounts"."Id");
                """);

            migrationBuilder.DropIndex(
                name: "IX_PlatformAccounts_Platform_HandleKey",
                table: "PlatformAccounts");

            migrationBuilder.CreateIndex(
                name: "IX_PlatformAccounts_Platform_HandleKey",
                table: "PlatformAccounts",
                columns: new[] { "Platform", "HandleKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PlatformAccounts_Platform_HandleKey",
                table: "PlatformAccounts");

            migrationBuilder.CreateIndex(
                name: "IX_PlatformAccounts_Platform_HandleKey",
                table: "PlatformAccounts",
                columns: new[] { "Platform", "HandleKey" });
        }
    }
}
