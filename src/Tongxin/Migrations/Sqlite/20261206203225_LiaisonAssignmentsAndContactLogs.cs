using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongxin.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LiaisonAssignmentsAndContactLogs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContactLogs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FigureId = table.Column<long>(type: "INTEGER", nullable: false),
                    CadreUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Way = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Participants = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    FollowUp = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactLogs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactLogs_AspNetUsers_CadreUserId",
                        column: x => x.CadreUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContactLogs_Figures_FigureId",
                        column: x => x.FigureId,
                        principalTable: "Figures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LiaisonAssignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FigureId = table.Column<long>(type: "INTEGER", nullable: false),
                    CadreUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    StartOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiaisonAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiaisonAssignments_AspNetUsers_CadreUserId",
                        column: x => x.CadreUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LiaisonAssignments_Figures_FigureId",
                        column: x => x.FigureId,
                        principalTable: "Figures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContactLogs_CadreUserId_Date",
                table: "ContactLogs",
                columns: new[] { "CadreUserId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactLogs_Date",
                table: "ContactLogs",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_ContactLogs_FigureId_CadreUserId_Date",
                table: "ContactLogs",
                columns: new[] { "FigureId", "CadreUserId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_LiaisonAssignments_CadreUserId_EndOn_FigureId",
                table: "LiaisonAssignments",
                columns: new[] { "CadreUserId", "EndOn", "FigureId" });

            migrationBuilder.CreateIndex(
                name: "IX_LiaisonAssignments_FigureId_EndOn",
                table: "LiaisonAssignments",
                columns: new[] { "FigureId", "EndOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContactLogs");

            migrationBuilder.DropTable(
                name: "LiaisonAssignments");
        }
    }
}
