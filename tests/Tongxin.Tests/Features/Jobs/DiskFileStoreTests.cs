using System.Text;
using Tongxin.Common.Files;

namespace Tongxin.Tests.Features.Jobs;

public sealed class DiskFileStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tongxin-files-" + Guid.NewGuid().ToString("N")[..8]);
    private DiskFileStore Store => new(_root);

    private static MemoryStream Text(string s) => new(Encoding.UTF8.GetBytes(s));

    private async Task<string?> Read(string key)
    {
        await using var s = await Store.OpenReadAsync(key);
        return s is null ? null : await new StreamReader(s).ReadToEndAsync();
    }

    [Fact]
    public async Task Saves_reads_overwrites_and_deletes()
    {
        await Store.SaveAsync("imports/a.xlsx", Text("one"));
        Assert.Equal("one", await Read("imports/a.xlsx"));
        await Store.SaveAsync("imports/a.xlsx", Text("two"));
        Assert.Equal("two", await Read("imports/a.xlsx"));
        await Store.DeleteAsync("imports/a.xlsx");
        Assert.Null(await Read("imports/a.xlsx"));
        Assert.Null(await Read("nowhere/b.xlsx"));
        Assert.Empty(Directory.GetFiles(_root, "*.part", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("../keys/field-keys.json")]
    [InlineData("imports/../../x")]
    [InlineData("/etc/passwd")]
    [InlineData("imports\\a.xlsx")]
    [InlineData("")]
    public async Task Refuses_keys_that_could_leave_the_root(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveAsync(key, Text("x")));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.OpenReadAsync(key));
    }

    [Fact]
    public async Task Purges_only_old_files_under_the_folder()
    {
        await Store.SaveAsync("import-reports/u1/old.xlsx", Text("old"));
        await Store.SaveAsync("import-reports/u1/new.xlsx", Text("new"));
        await Store.SaveAsync("imports/old.xlsx", Text("other folder"));
        var old = DateTime.UtcNow.AddDays(-8);
        File.SetLastWriteTimeUtc(Store.PathOf("import-reports/u1/old.xlsx"), old);
        File.SetLastWriteTimeUtc(Store.PathOf("imports/old.xlsx"), old);

        Assert.Equal(1, await Store.PurgeAsync("import-reports", DateTime.UtcNow.AddDays(-7)));
        Assert.Null(await Read("import-reports/u1/old.xlsx"));
        Assert.Equal("new", await Read("import-reports/u1/new.xlsx"));
        Assert.Equal("other folder", await Read("imports/old.xlsx"));
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, true); } catch (IOException) { }
    }
}
