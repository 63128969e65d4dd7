using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Security;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Imports;

/// <summary>Who imports what: the importer's own region is the default for rows without a region.</summary>
/// <remarks><paramref name="Mappings"/>: the commit's chosen words → codes, remembered for the region when it commits.
/// <paramref name="JobId"/>: the background job running the import, recorded on its batch (see <see cref="ImportBatch.JobId"/>).</remarks>
public sealed record ImportRequest(string FilePath, string FileName, string Mode, string ImporterRegion, string? UserKey,
    IReadOnlyList<ValueMapping>? Mappings = null, Guid? JobId = null);

/// <summary>
/// Validates, matches and (on commit) writes the rows of a figure workbook in chunks inside one
/// transaction: any row error and nothing is written. Every row goes through <see cref="FigureRules"/>,
/// so the import accepts exactly what the API accepts.
/// </summary>
public sealed class FigureImporter(TongxinDb db, FieldProtector protector, ImportFiles files, ILogger<FigureImporter> log)
{
    private sealed class Pending
    {
        public required RowPlan Plan { get; init; }
        public required Figure Figure { get; init; }
        public bool Inserted { get; init; }
        public string? Before { get; set; }
        public List<PlatformAccount> NewAccounts { get; } = [];
        public List<MetricSnapshot> NewSnapshots { get; } = [];
    }

    public async Task<ImportReport> RunAsync(FigureSheetReader sheet, ImportRequest request, Func<int, Task>? progress, CancellationToken ct)
    {
        var commit = request.Mode == ImportModes.Commit;
        var phases = new ImportPhases();
        var codes = new DictionaryCodes(db);
        var mapper = await ValueMapper.LoadAsync(db, codes, request.ImporterRegion, request.Mappings, ct);
        var unknown = new UnknownValueTally(sheet.Header);
        var needsMapping = 0;
        var planner = new RowPlanner(sheet.Header, new RowParser(sheet.Header, mapper), new FigureRules(codes),
            await RegionResolver.LoadAsync(db, ct), protector, db, request.ImporterRegion);
        var errors = new List<RowError>();
        int total = 0, created = 0, updated = 0, unchanged = 0;

        await using var tx = commit ? await db.Database.BeginTransactionAsync(ct) : null;
        ImportBatch? batch = null;
        // Open for the whole import: the search-key effect stages new figures' keys here (SearchKeyStage).
        var keys = new SearchKeyStage(db);
        if (commit)
        {
            batch = new ImportBatch
            {
                CreatedAt = DateTime.UtcNow,
                UserId = db.Actor.UserId,
                UserName = db.Actor.UserName,
                RegionCode = request.ImporterRegion,
                FileName = Path.GetFileName(request.FileName),
                JobId = request.JobId,
            };
            db.ImportBatches.Add(batch);
            await db.SaveChangesAsync(ct);
        }
        phases.Lap("start");

        var committed = false;
        // Rows this commit inserts: should another writer register one of them first, the loser names them.
        var inserted = new HashSet<int>();
        try
        {
            foreach (var chunk in sheet.Rows().Chunk(ImportLimits.ChunkSize))
            {
                phases.Lap("read");
                total += chunk.Length;
                var plans = await planner.PlanAsync(chunk, phases, ct);
                foreach (var p in plans)
                {
                    errors.AddRange(p.Errors);
                    if (commit) errors.AddRange(p.Row.UnknownErrors);
                    else if (p.Errors.Count == 0 && p.Row.UnknownErrors.Count > 0) needsMapping++;
                    unknown.Add(p.Row);
                }
                var valid = plans.Where(p => p.Errors.Count == 0 && p.Row.UnknownErrors.Count == 0).ToList();
                var pending = await ApplyAsync(valid, batch?.Id, ct);
                phases.Lap("apply");
                foreach (var p in pending)
                {
                    if (p.Inserted && commit) inserted.Add(p.Plan.Number);
                    if (p.Inserted) created++;
                    else if (p.Before is not null || p.NewAccounts.Count > 0 || p.NewSnapshots.Count > 0) updated++;
                    else unchanged++;
                }
                if (commit && errors.Count == 0) await SaveChunkAsync(pending.Where(p => p.Inserted || p.Before is not null || p.NewSnapshots.Count > 0 || p.NewAccounts.Count > 0).ToList(), batch!, phases, ct);
                db.ChangeTracker.Clear();
                phases.Lap("clear");
                if (progress is not null) await progress(total);
                phases.Lap("progress");
            }

            if (commit && errors.Count == 0)
            {
                await keys.MergeAsync(ct);
                phases.Lap("merge search keys");
                await RememberAsync(request, ct);
                db.Attach(batch!);
                batch!.TotalRows = total;
                batch.Created = created;
                batch.Updated = updated;
                await db.LogAsync("import", nameof(ImportBatch), null,
                    $"导入 {batch.FileName}：共{total}行，新增{created}，更新{updated}，未变{unchanged}", request.ImporterRegion, ct: ct);
                phases.Lap("summary");
                await tx!.CommitAsync(ct);
                committed = true;
                phases.Lap("commit");
            }
            else if (tx is not null)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        catch (Exception e) when (commit && !committed && IsWriteConflict(e))
        {
            // Another import or user registered the same person (ID number or account) while this one ran: the unique
            // indexes refused the second writer. Nothing of this file is kept; the rows now matching are named.
            log.LogInformation(e, "Import of {File} lost a race for its rows; rolled back", request.FileName);
            await tx!.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            errors.Clear();
            errors.AddRange(await ConflictsAsync(sheet, request, inserted, ct));
            if (errors.Count == 0) throw new ImportFileException(ConflictRetryMessage);
        }

        string? token = null;
        if (errors.Count > 0) token = await ImportErrorReport.WriteAsync(sheet, errors, files, request.UserKey, ct);
        phases.Lap("finish");
        log.LogDebug("Import of {Rows} rows ({Mode}): {Phases}", total, request.Mode, phases);
        var sorted = errors.OrderBy(e => e.Row).ToList();
        return new ImportReport
        {
            Mode = request.Mode,
            Committed = committed,
            TotalRows = total,
            Created = committed || !commit ? created : 0,
            Updated = committed || !commit ? updated : 0,
            Unchanged = committed || !commit ? unchanged : 0,
            ErrorCount = sorted.Count,
            Errors = sorted.Take(ImportLimits.MaxErrorsInReport).ToList(),
            UnknownColumns = sheet.Header.UnknownColumns,
            UnknownValues = unknown.List(mapper),
            RowsNeedingMapping = needsMapping,
            BatchId = committed ? batch!.Id : null,
            ErrorReportToken = token,
        };
    }

    public const string ConflictMessage = "该人士（身份证号或平台账号）在本次导入过程中已由他人登记，本次导入未写入任何数据，请重新试导入后再提交";
    public const string ConflictRetryMessage = "另一导入正在同时写入相同的数据，本次导入未写入任何数据，请稍后重试";

    /// <summary>A unique index refusing this commit's row (another writer came first), or PostgreSQL breaking a deadlock between the two.</summary>
    public static bool IsWriteConflict(Exception? e)
    {
        if (Duplicates.IsUniqueViolation(e, nameof(Figure.IdNumberHash)) || Duplicates.IsUniqueViolation(e, nameof(PlatformAccount.HandleKey))) return true;
        for (; e is not null; e = e.InnerException)
            if (e is Npgsql.PostgresException { SqlState: "40P01" or "40001" }) return true;
        return false;
    }

    /// <summary>The rows this commit would have inserted that now match a figure someone else registered meanwhile.</summary>
    private async Task<List<RowError>> ConflictsAsync(FigureSheetReader sheet, ImportRequest request, HashSet<int> inserted, CancellationToken ct)
    {
        var codes = new DictionaryCodes(db);
        var mapper = await ValueMapper.LoadAsync(db, codes, request.ImporterRegion, request.Mappings, ct);
        var planner = new RowPlanner(sheet.Header, new RowParser(sheet.Header, mapper), new FigureRules(codes),
            await RegionResolver.LoadAsync(db, ct), protector, db, request.ImporterRegion);
        var phases = new ImportPhases();
        var found = new List<RowError>();
        foreach (var chunk in sheet.Rows().Chunk(ImportLimits.ChunkSize))
            foreach (var p in await planner.PlanAsync(chunk, phases, ct))
                if (inserted.Contains(p.Number) && (p.TargetId is not null || p.Errors.Count > 0))
                    found.Add(new RowError(p.Number, null, ConflictMessage));
        return found;
    }

    /// <summary>The commit's chosen mappings become the region's: the next sheet from the same office maps by itself.</summary>
    private async Task RememberAsync(ImportRequest request, CancellationToken ct)
    {
        if (request.Mappings is not { Count: > 0 } chosen) return;
        var stored = await db.ImportMappings.Where(m => m.RegionCode == request.ImporterRegion).ToListAsync(ct);
        foreach (var m in chosen.DistinctBy(m => (m.Type, DictionaryItem.KeyOf(m.Value))))
        {
            var key = DictionaryItem.KeyOf(m.Value);
            var row = stored.FirstOrDefault(s => s.Type == m.Type && s.ValueKey == key);
            if (row is null)
                db.ImportMappings.Add(new ImportMapping
                {
                    RegionCode = request.ImporterRegion,
                    Type = m.Type,
                    Value = m.Value,
                    ValueKey = key,
                    Code = m.Code,
                    CreatedAt = DateTime.UtcNow,
                    UserName = db.Actor.UserName,
                });
            else if (row.Code != m.Code) row.Code = m.Code;
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>Applies valid rows to new or tracked figures; nothing is added to the context yet.</summary>
    private async Task<List<Pending>> ApplyAsync(List<RowPlan> plans, long? batchId, CancellationToken ct)
    {
        var ids = plans.Where(p => p.TargetId is not null).Select(p => p.TargetId!.Value).ToList();
        var dates = plans.Select(p => p.MetricsDate).Distinct().ToList();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var existing = ids.Count == 0 ? [] : await db.Figures
                .Include(f => f.Accounts).ThenInclude(a => a.Snapshots.Where(s => EF.Parameter(dates).Contains(s.Date)))
                .Where(f => EF.Parameter(ids).Contains(f.Id)).AsSplitQuery().ToDictionaryAsync(f => f.Id, ct);
            var result = new List<Pending>(plans.Count);
            foreach (var plan in plans)
            {
                if (plan.TargetId is { } id && existing.TryGetValue(id, out var figure))
                {
                    FigureRules.Apply(figure, plan.Values, protector, replace: false);
                    var pending = new Pending { Plan = plan, Figure = figure };
                    AddAccounts(pending);
                    db.Entry(figure).DetectChanges();
                    // An account's new link or metrics change the figure's record too (and make the row "updated").
                    if (db.Entry(figure).State == EntityState.Modified
                        || figure.Accounts.Any(a => a.Id != 0 && db.Entry(a).State == EntityState.Modified))
                        pending.Before = FigureImage.Capture(db.Entry(figure));
                    result.Add(pending);
                }
                else
                {
                    var f = new Figure { Name = plan.Values.Name!, RegionCode = plan.Values.RegionCode!, ImportBatchId = batchId };
                    FigureRules.Apply(f, plan.Values, protector, replace: true);
                    var pending = new Pending { Plan = plan, Figure = f, Inserted = true };
                    AddAccounts(pending);
                    result.Add(pending);
                }
            }
            return result;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    private static void AddAccounts(Pending p)
    {
        var (plan, row) = (p.Plan, p.Plan.Row);
        foreach (var (platform, handle) in row.Accounts)
        {
            var key = PlatformAccount.KeyOf(handle);
            var account = p.Figure.Accounts.FirstOrDefault(a => a.Platform == platform && a.HandleKey == key);
            if (account is null)
            {
                account = new PlatformAccount { FigureId = p.Figure.Id, Platform = platform, Handle = handle, HandleKey = key, Url = row.Url };
                p.Figure.Accounts.Add(account);
                p.NewAccounts.Add(account);
            }
            else if (row.Url is not null && account.Url != row.Url) account.Url = row.Url;
            if (row.Accounts.Count != 1 || (row.Followers ?? row.Likes ?? row.Works) is null && !p.NewAccounts.Contains(account)) continue;
            var followers = row.Followers ?? account.Followers;
            var likes = row.Likes ?? account.Likes;
            var works = row.Works ?? account.Works;
            // The same numbers again (an export re-imported) are nothing new.
            if (!p.NewAccounts.Contains(account) && followers == account.Followers && likes == account.Likes && works == account.Works) continue;
            if (account.Record(plan.MetricsDate, followers, likes, works, MetricSource.Import) is { } snapshot)
            {
                snapshot.AccountId = account.Id;
                // The snapshot's audit line takes the region of the account's figure (bulk writers audit without tracking).
                snapshot.Account = account;
                p.NewSnapshots.Add(snapshot);
            }
        }
        p.Figure.RecomputeAccountStats();
    }

    /// <summary>
    /// Writes the chunk: changes to existing figures as the change tracker sees them and new figures, each
    /// through its bulk writer (audit lines and search keys included), then the batch rows that undo reads.
    /// </summary>
    private async Task SaveChunkAsync(List<Pending> pending, ImportBatch batch, ImportPhases phases, CancellationToken ct)
    {
        if (pending.Count == 0) return;
        var changed = false;
        foreach (var p in pending.Where(p => !p.Inserted))
        {
            foreach (var a in p.NewAccounts) db.PlatformAccounts.Add(a);
            foreach (var s in p.NewSnapshots) if (db.Entry(s).State == EntityState.Detached) db.MetricSnapshots.Add(s);
            changed = true;
        }
        if (changed) await ChangedFigureWriter.WriteAsync(db, phases, ct);
        phases.Lap("write updates");
        await NewFigureWriter.WriteAsync(db, pending.Where(p => p.Inserted).Select(p => p.Figure).ToList(), phases, ct);
        var rows = pending.Select(p => new ImportBatchRow
        {
            BatchId = batch.Id,
            RowNumber = p.Plan.Number,
            FigureId = p.Figure.Id,
            Inserted = p.Inserted,
            Before = p.Before,
            AddedRecords = p.Inserted ? null : new AddedRecords(p.NewAccounts.Select(a => a.Id).ToList(), p.NewSnapshots.Select(s => s.Id).ToList()).ToJson(),
            VersionAfter = p.Figure.Version,
        }).ToList();
        await RawInsert.ExecuteAsync(db, rows, RawInsert.ColumnsOf<ImportBatchRow>(db, includeKey: false), ct);
        phases.Lap("batch rows");
    }
}

/// <summary>The unknown dictionary words of a file, each with its rows, in the order first met.</summary>
internal sealed class UnknownValueTally(SheetHeader header)
{
    private readonly Dictionary<(FigureColumn Column, string Key), (string Value, List<int> Rows, int Count)> _values = new();
    private readonly List<(FigureColumn Column, string Key)> _order = [];

    public void Add(ParsedRow row)
    {
        foreach (var (column, value) in row.Unknown.Distinct())
        {
            var key = (column, DictionaryItem.KeyOf(value));
            if (_values.TryGetValue(key, out var v))
            {
                if (v.Rows.Count < ImportLimits.MaxRowsPerUnknownValue) v.Rows.Add(row.Number);
                _values[key] = v with { Count = v.Count + 1 };
            }
            else if (_values.Count < ImportLimits.MaxUnknownValues)
            {
                _values[key] = (value, [row.Number], 1);
                _order.Add(key);
            }
        }
    }

    public List<UnknownValue> List(ValueMapper mapper) => _order.Select(k =>
    {
        var (value, rows, count) = _values[k];
        var type = ValueMappings.DictionaryColumns[k.Column];
        return new UnknownValue(header.TextOf(k.Column), type, value, rows, count, mapper.Suggest(type, value));
    }).ToList();
}
