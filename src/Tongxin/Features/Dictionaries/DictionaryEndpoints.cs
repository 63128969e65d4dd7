using Tongxin.Common.Auth;

namespace Tongxin.Features.Dictionaries;

/// <summary>The editable code lists (字典).</summary>
public static class DictionaryEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/dictionaries").WithTags("Dictionaries");
        g.MapGet("/", ListDictionaries.Handle); // any signed-in user: forms need the labels
        g.MapPut("/{type}", UpdateDictionary.Handle).RequireAuthorization(Permissions.DictionariesManage);
        g.MapPost("/{type}/items/{code}/aliases", AddDictionaryAlias.Handle).RequireAuthorization(Permissions.DictionariesManage);
    }
}
