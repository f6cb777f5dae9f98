using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using ContactCenter.Features.Reports;
using ContactCenter.Infrastructure.Export;

namespace ContactCenter.Bench;

/// <summary>
/// Issue 8: the register of a year (300,000 rows of Додаток 3, synthetic) written as XLSX by the streaming writer and
/// as CSV, each to a temporary file as the export endpoint does. <c>MemoryDiagnoser</c> gives what is allocated in all;
/// <c>xlsx-peak</c> (see <see cref="RunPeakAsync"/>) gives the process's peak working set for one export.
/// <c>dotnet run -c Release --project bench/ContactCenter.Bench -- --filter '*XlsxExport*'</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class XlsxExportBenchmarks
{
    [Params(300_000)]
    public int Rows { get; set; }

    private string _path = "";

    [GlobalSetup]
    public void Setup() => _path = Path.Combine(Path.GetTempPath(), "cc-bench-export-" + Guid.NewGuid().ToString("N"));

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark]
    public async Task<long> Xlsx()
    {
        await using var file = File.Create(_path);
        return await TableExport.WriteXlsxAsync(file, AppealRegister.Table, RegisterRows(Rows), CancellationToken.None, "Список звернень громадян: 2026");
    }

    [Benchmark]
    public async Task<long> Csv()
    {
        await using (var file = File.Create(_path))
            await TableExport.WriteCsvAsync(file, AppealRegister.Table, RegisterRows(Rows), CancellationToken.None);
        return new FileInfo(_path).Length;
    }

    /// <summary>Register-like rows: Ukrainian text of realistic length, two dates, a number, some empty cells.</summary>
    public static async IAsyncEnumerable<RegisterRow> RegisterRows(int count)
    {
        var start = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.FromHours(2));
        for (var i = 1; i <= count; i++)
        {
            if (i % 1000 == 0)
                await Task.Yield(); // rows arrive in chunks, as from a database reader
            var at = start.AddMinutes(i * 1.7);
            var hidden = i % 50 == 0;
            var n = i.ToString(CultureInfo.InvariantCulture);
            yield return new RegisterRow(i, at, "2026-" + n.PadLeft(6, '0'), hidden ? "Особу приховано на прохання заявника" : "Коваленко Олександра Петрівна " + n,
                i % 7 == 0 ? "Коваленко Іван" : null, hidden ? null : "+38067" + (1000000 + i).ToString(CultureInfo.InvariantCulture),
                hidden ? null : "вул. Шевченка, " + (i % 200), hidden ? null : "просп. Незалежності, " + (i % 150) + ", кв. " + (i % 90),
                "Не працює вуличне освітлення біля будинку, прошу відновити якнайшвидше; звернення №" + n, "телефон", "заява",
                "КП «Міськсвітло»", at.AddDays(15), "в роботі", i % 3 == 0 ? "вирішено позитивно" : null, hidden);
        }
    }

    /// <summary><c>xlsx-peak [rows]</c>: one XLSX and one CSV export to a temporary file, with time and peak working set.</summary>
    public static async Task<int> RunPeakAsync(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300_000;
        var path = Path.Combine(Path.GetTempPath(), "cc-bench-peak-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            Console.WriteLine($"before: working set {process.WorkingSet64 / 1048576.0:F1} MiB, peak {process.PeakWorkingSet64 / 1048576.0:F1} MiB");
            foreach (var format in new[] { "xlsx", "csv" })
            {
                var sw = Stopwatch.StartNew();
                await using (var file = File.Create(path))
                {
                    if (format == "xlsx")
                        await TableExport.WriteXlsxAsync(file, AppealRegister.Table, RegisterRows(rows), CancellationToken.None, "Список звернень громадян: 2026");
                    else
                        await TableExport.WriteCsvAsync(file, AppealRegister.Table, RegisterRows(rows), CancellationToken.None);
                }
                sw.Stop();
                process.Refresh();
                Console.WriteLine($"{format}: {rows:N0} rows in {sw.Elapsed.TotalSeconds:F1} s, file {new FileInfo(path).Length / 1048576.0:F1} MiB, " +
                    $"peak working set so far {process.PeakWorkingSet64 / 1048576.0:F1} MiB, GC heap now {GC.GetTotalMemory(false) / 1048576.0:F1} MiB, " +
                    $"allocated in all {GC.GetTotalAllocatedBytes() / 1048576.0:F0} MiB");
            }
            return 0;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
