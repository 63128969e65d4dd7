using Tongxin.Bench;

// Tongxin benchmark harness.
//   generate --provider sqlite|postgres --figures N --data DIR [--pg CS]
//   run      --provider sqlite|postgres --data DIR [--pg CS] --server PATH/Tongxin.dll [--scale LABEL] [--smoke]
//   import-file --rows N --out F.xlsx [--seed S]   a workbook like the HTTP import scenario's
//   excel-file --rows N --out F.xlsx              a workbook as Excel saves one (shared strings, date styles)
//   read-xlsx --file F.xlsx --reader stream|miniexcel [--first N]   one pass of a sheet reader, its time and memory
//   reindex-handles --provider … --data DIR [--pg CS]   rebuilds the h: search keys of a dataset
//            [--only TEXT] runs only the scenarios whose label contains TEXT (quick experiments;
//            with --server, "HTTP profile" or "HTTP search" runs that HTTP scenario alone)
var args2 = args.Skip(1).ToArray();
string? Opt(string name) { var i = Array.IndexOf(args2, "--" + name); return i >= 0 && i + 1 < args2.Length ? args2[i + 1] : null; }
bool Flag(string name) => args2.Contains("--" + name);

var provider = Opt("provider") ?? "sqlite";
var data = Opt("data") ?? Path.Combine(Path.GetTempPath(), "tongxin-bench-" + provider);
var config = BenchConfig.From(provider, data, Opt("pg"));
switch (args.FirstOrDefault())
{
    case "generate":
        {
            var figures = int.Parse(Opt("figures") ?? "20000");
            var result = await Generator.RunAsync(config, figures);
            Console.WriteLine($"Generated {result.Figures:N0} figures, {result.Accounts:N0} accounts, {result.Snapshots:N0} snapshots, {result.SearchKeys:N0} search keys in {result.Elapsed.TotalSeconds:F0} s");
            return 0;
        }
    case "reindex-handles":
        await Reindex.HandlesAsync(config);
        return 0;
    case "import-file":
        {
            var rows = int.Parse(Opt("rows") ?? "100000");
            ImportFile.Write(Opt("out") ?? "import.xlsx", rows, int.Parse(Opt("seed") ?? "7"));
            Console.WriteLine($"Wrote {rows:N0} rows to {Opt("out") ?? "import.xlsx"}");
            return 0;
        }
    case "excel-file":
        {
            var rows = int.Parse(Opt("rows") ?? "100000");
            XlsxReaders.WriteExcelStyle(Opt("out") ?? "excel.xlsx", rows);
            Console.WriteLine($"Wrote {rows:N0} rows to {Opt("out") ?? "excel.xlsx"}");
            return 0;
        }
    case "read-xlsx":
        XlsxReaders.Measure(Opt("file") ?? "excel.xlsx", Opt("reader") ?? "stream", int.Parse(Opt("first") ?? int.MaxValue.ToString()));
        return 0;
    case "run":
        {
            var smoke = Flag("smoke");
            var report = new Report(Opt("scale") ?? "?");
            foreach (var line in await RunContext.DescribeAsync(config))
            {
                report.Context.Add(line);
                Console.WriteLine(line);
            }
            Console.WriteLine($"Data layer ({provider}):");
            // The smoke run checks that every shape runs, never the timing: one warm-up and one measured call each.
            await DataLayerScenarios.RunAsync(config, report, smoke ? 1 : 50, Opt("only"));
            await NotificationScenarios.RunAsync(config, report, smoke ? 3 : 200, Opt("only"));
            await DailyWorkScenarios.RunAsync(config, report, smoke ? 1 : 50, Opt("only"), smoke);
            if (Opt("only") is { } only && "profile query alone".Contains(only, StringComparison.OrdinalIgnoreCase))
                await ProfileLoad.RunAsync(config, report);
            var server = Opt("server");
            if (server is not null)
            {
                Console.WriteLine($"HTTP ({provider}):");
                await HttpScenarios.RunAsync(config, report, server, smoke, Opt("only"));
            }
            var outFile = Opt("out");
            if (outFile is not null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outFile))!);
                await File.AppendAllTextAsync(outFile, $"## {provider}\n\n{report.ToMarkdown()}\n{await TableSizes.MarkdownAsync(config)}\n");
                Console.WriteLine($"Results appended to {outFile}");
            }
            return 0;
        }
    default:
        Console.Error.WriteLine("usage: Tongxin.Bench generate|run --provider sqlite|postgres --data DIR [--pg CS] [--figures N] [--server Tongxin.dll] [--smoke] [--out FILE]");
        return 2;
}
