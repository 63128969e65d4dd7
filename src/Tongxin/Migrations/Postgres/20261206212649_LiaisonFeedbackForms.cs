using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tongxin.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LiaisonFeedbackForms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LiaisonFeedbackForms",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CadreUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false, collation: "C"),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Problems = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Plans = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RowsJson = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiaisonFeedbackForms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiaisonFeedbackForms_AspNetUsers_CadreUserId",
                        column: x => x.CadreUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LiaisonFeedbackForms_CadreUserId_Year",
                table: "LiaisonFeedbackForms",
                columns: new[] { "CadreUserId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LiaisonFeedbackForms_Year_RegionCode",
                table: "LiaisonFeedbackForms",
                columns: new[] { "Year", "RegionCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LiaisonFeedbackForms");
        }
    }
}
