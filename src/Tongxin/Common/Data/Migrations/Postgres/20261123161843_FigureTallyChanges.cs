using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tongxin.Common.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FigureTallyChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FigureTallyChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Dimension = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    Value = table.Column<string>(type: "text", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FigureTallyChanges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FigureTallyChanges_RegionCode_Dimension",
                table: "FigureTallyChanges",
                columns: new[] { "RegionCode", "Dimension" });

            // Hand-added: the triggers now append changes instead of upserting tallies (see FigureTallySql).
            migrationBuilder.Sql(Tongxin.Features.Dashboard.FigureTallySql.DropPostgresTriggers);
            migrationBuilder.Sql(Tongxin.Features.Dashboard.FigureTallySql.CreatePostgresTriggers);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Hand-added: fold what is pending and remove the triggers; run `rebuild-tallies` after re-installing older ones.
            migrationBuilder.Sql(Tongxin.Features.Dashboard.FigureTallySql.FoldChanges);
            migrationBuilder.Sql(Tongxin.Features.Dashboard.FigureTallySql.DropPostgresTriggers);
            migrationBuilder.DropTable(
                name: "FigureTallyChanges");
        }
    }
}
