using Microsoft.EntityFrameworkCore;
using Tongxin.Features.Dictionaries;

namespace Tongxin.Common.Data;

// The feature's tables on the shared context (a partial class, so Common names no feature).
public abstract partial class TongxinDb
{
    public DbSet<DictionaryItem> DictionaryItems => Set<DictionaryItem>();
}
