using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tongxin.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SensitiveLiaisonPhone : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The plain values move into the cipher column; a start-up task (EncryptLiaisonPhones) encrypts them.
            migrationBuilder.RenameColumn(
                name: "LiaisonPhone",
                table: "Organizations",
                newName: "LiaisonPhoneCipher");

            migrationBuilder.AddColumn<string>(
                name: "LiaisonPhoneMasked",
                table: "Organizations",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LiaisonPhoneMasked",
                table: "Organizations");

            migrationBuilder.RenameColumn(
                name: "LiaisonPhoneCipher",
                table: "Organizations",
                newName: "LiaisonPhone");
        }
    }
}
