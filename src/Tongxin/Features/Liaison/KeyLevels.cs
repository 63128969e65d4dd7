using Tongxin.Common.Dictionaries;

namespace Tongxin.Features.Liaison;

/// <summary>How a figure's key level reads in lists, exports and the feedback form: a figure without one is 一般人士.</summary>
public static class KeyLevels
{
    public const string DictionaryType = "keyLevel";

    public static string Label(DictionaryCodes codes, string? level) => level is null ? "一般人士" : codes.Label(DictionaryType, level);
}
