using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongxin.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CadreUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Problems = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Plans = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RowsJson = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
