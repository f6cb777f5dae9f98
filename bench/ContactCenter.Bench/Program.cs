using BenchmarkDotNet.Running;
using ContactCenter.Bench.Generate;
using ContactCenter.Bench.Load;

namespace ContactCenter.Bench;

// A named class, not top-level statements: the web project's own top-level Program is a public
// global type, and a second global Program here would clash with it.
internal static class Program
{
    /// <summary>
    /// <c>generate ...</c> fills a PostgreSQL database with appeals (see Generate/GenerateCommand.cs);
    /// <c>load ...</c> drives a running server over HTTP (see Load/LoadCommand.cs); anything else
    /// goes to BenchmarkDotNet, e.g. <c>dotnet run -c Release --project bench/ContactCenter.Bench -- --filter '*'</c>.
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "load")
        {
            return await LoadCommand.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "generate")
        {
            return await GenerateCommand.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "console-pages")
        {
            return await ConsolePagesDriver.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "xlsx-peak")
        {
            return await XlsxExportBenchmarks.RunPeakAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "query-shapes")
        {
            return QueryShapes.Run();
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
