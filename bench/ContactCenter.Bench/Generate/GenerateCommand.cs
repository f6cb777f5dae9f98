using System.Diagnostics;
using System.Globalization;
using ContactCenter.Core.Calendar;
using ContactCenter.Features.Calendar;
using ContactCenter.Features.Executors;
using ContactCenter.Features.Routing;
using ContactCenter.Features.Seed;
using ContactCenter.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ContactCenter.Bench.Generate;

/// <summary>
/// <c>generate</c>: a PostgreSQL database of the app's schema filled with a realistic volume of appeals,
/// for the load driver and for EXPLAIN ANALYZE of the app's queries. See <see cref="GenerateOptions.Usage"/>.
/// </summary>
internal static class GenerateCommand
{
    private static readonly string[] BulkTables = ["appeals", "questions", "assignments", "appeal_history"];

    // (name, short name, kind, parent index or -1, leaf categories it handles)
    private static readonly (string Name, string Short, ExecutorKind Kind, int Parent, string[] Categories)[] Executors =
    [
        ("Департамент житлово-комунальної інфраструктури", "ДЖКІ", ExecutorKind.Department, -1, []),
        ("КП «Водоканал»", "Водоканал", ExecutorKind.UtilityCompany, 0, ["utilities.water", "utilities.sewerage"]),
        ("КП «Теплоенерго»", "Теплоенерго", ExecutorKind.UtilityCompany, 0, ["utilities.heating", "utilities.hotwater"]),
        ("КП «Міськсвітло»", "Міськсвітло", ExecutorKind.UtilityCompany, 0, ["utilities.electricity", "improvement.lighting"]),
        ("КП «Ліфтсервіс»", "Ліфтсервіс", ExecutorKind.UtilityCompany, 0, ["utilities.elevator"]),
        ("КП «Житлосервіс»", "Житлосервіс", ExecutorKind.UtilityCompany, 0, ["utilities.roof", "utilities.yard", "utilities.emergency"]),
        ("АТ «Газмережі»", "Газмережі", ExecutorKind.OtherBody, -1, ["utilities.gas"]),
        ("КП «Шляхрембуд»", "Шляхрембуд", ExecutorKind.UtilityCompany, 0, ["improvement.roads", "improvement.snow"]),
        ("КП «Зеленбуд»", "Зеленбуд", ExecutorKind.UtilityCompany, 0, ["improvement.greenery", "improvement.playgrounds"]),
        ("КП «Спецтранс»", "Спецтранс", ExecutorKind.UtilityCompany, 0, ["improvement.waste"]),
        ("Департамент транспорту", "Транспорт", ExecutorKind.Department, -1, ["transport.public", "transport.traffic"]),
        ("Департамент соціального захисту населення", "Соцзахист", ExecutorKind.Department, -1, ["social.benefits", "social.idp", "social.veterans", "health"]),
        ("Загальний відділ виконавчого комітету", "Загальний відділ", ExecutorKind.Department, -1, ["education", "land", "safety", "administrative", "other"]),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        GenerateOptions options;
        try
        {
            options = GenerateOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            Console.Error.WriteLine(GenerateOptions.Usage);
            return 2;
        }

        try
        {
            await RunAsync(options);
            return 0;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private static async Task RunAsync(GenerateOptions options)
    {
        var total = Stopwatch.StartNew();
        var csb = new NpgsqlConnectionStringBuilder(options.Connection);
        if (string.IsNullOrEmpty(csb.Database) || csb.Database == "postgres")
            throw new InvalidOperationException("--connection must name the database to create, e.g. Database=cc_bench");
        await CreateDatabaseAsync(csb, options.Recreate);

        var builder = new DbContextOptionsBuilder<PostgresAppDbContext>();
        DatabaseServiceCollectionExtensions.ConfigurePostgres(builder, options.Connection);
        WorkingCalendar calendar;
        Dictionary<string, int> routing;
        Dictionary<int, string> executorNames;
        await using (var db = new PostgresAppDbContext(builder.Options))
        {
            var step = Stopwatch.StartNew();
            await db.Database.MigrateAsync();
            await ReferenceDataSeeder.SeedAsync(db, CancellationToken.None);
            (routing, executorNames) = await AddExecutorsAsync(db);
            calendar = new WorkingCalendar(await CalendarService.LoadDefinitionAsync(db, CancellationToken.None));
            Console.Error.WriteLine($"schema: migrations, reference data and {executorNames.Count} executors in {step.Elapsed.TotalSeconds:0.0} s");
        }

        await using var dataSource = NpgsqlDataSource.Create(options.Connection);
        await using (var check = dataSource.CreateCommand("SELECT count(*) FROM appeals"))
        {
            if (Convert.ToInt64(await check.ExecuteScalarAsync(), CultureInfo.InvariantCulture) > 0)
                throw new InvalidOperationException("the appeals table is not empty; pass --recreate to start from scratch");
        }

        // Secondary indexes and foreign keys make a bulk load several times slower; they are dropped and
        // recreated from their exact definitions afterwards.
        var (indexes, foreignKeys) = await DropIndexesAsync(dataSource);
        Console.Error.WriteLine($"dropped {indexes.Count} secondary indexes and {foreignKeys.Count} foreign keys of {string.Join(", ", BulkTables)} for the load");

        var now = DateTime.UtcNow;
        var step2 = Stopwatch.StartNew();
        var generator = new DataGenerator(options.Appeals, options.Years, options.Seed, now, calendar, routing, executorNames);
        Console.Error.WriteLine($"prepared receipt times and applicants in {step2.Elapsed.TotalSeconds:0.0} s");

        var load = Stopwatch.StartNew();
        long rows = 0, appeals = 0, questions = 0, assignments = 0, history = 0;
        Task? copying = null;
        while (generator.HasMore)
        {
            var batch = generator.NextBatch(options.BatchSize);
            if (copying is not null)
                await copying;
            // The next batch is generated while this one is copied over four connections.
            copying = CopyAsync(dataSource, batch);
            rows += batch.Rows;
            appeals += batch.Appeals.Count;
            questions += batch.Questions.Count;
            assignments += batch.Assignments.Count;
            history += batch.History.Count;
            Console.Error.WriteLine($"  {appeals,10:N0} appeals generated, {rows,11:N0} rows, {rows / load.Elapsed.TotalSeconds,9:N0} rows/s");
        }
        if (copying is not null)
            await copying;
        var loadSeconds = load.Elapsed.TotalSeconds;
        Console.WriteLine($"loaded {appeals:N0} appeals, {questions:N0} questions, {assignments:N0} assignments, {history:N0} history rows = {rows:N0} rows in {loadSeconds:0.0} s: {rows / loadSeconds:N0} rows/s ({appeals / loadSeconds:N0} appeals/s)");

        var rebuild = Stopwatch.StartNew();
        await RestoreIndexesAsync(dataSource, indexes, foreignKeys);
        Console.WriteLine($"recreated {indexes.Count} indexes and {foreignKeys.Count} foreign keys in {rebuild.Elapsed.TotalSeconds:0.0} s");

        await FinishAsync(dataSource, generator.Counters);
        var analyze = Stopwatch.StartNew();
        await ExecuteAsync(dataSource, "VACUUM (ANALYZE)", timeoutSeconds: 0);
        Console.WriteLine($"VACUUM (ANALYZE) in {analyze.Elapsed.TotalSeconds:0.0} s");

        await ReportAsync(dataSource);
        await WriteKeysAsync(dataSource, options.KeysDir);
        Console.WriteLine($"done in {total.Elapsed.TotalSeconds:0.0} s");
    }

    private static async Task CreateDatabaseAsync(NpgsqlConnectionStringBuilder csb, bool recreate)
    {
        var admin = new NpgsqlConnectionStringBuilder(csb.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        var name = csb.Database!;
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", name);
        if (await exists.ExecuteScalarAsync() is not null)
        {
            if (!recreate)
                throw new InvalidOperationException($"database {name} exists; pass --recreate to drop it and start again");
            await using var drop = new NpgsqlCommand($"DROP DATABASE {Quote(name)} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        await using var create = new NpgsqlCommand($"CREATE DATABASE {Quote(name)} ENCODING 'UTF8' TEMPLATE template0", connection);
        await create.ExecuteNonQueryAsync();
        Console.Error.WriteLine($"created database {name}");
    }

    private static async Task<(Dictionary<string, int> Routing, Dictionary<int, string> Names)> AddExecutorsAsync(PostgresAppDbContext db)
    {
        var created = new List<Executor>();
        foreach (var e in Executors)
        {
            var executor = new Executor
            {
                Name = e.Name,
                ShortName = e.Short,
                Kind = e.Kind,
                ParentId = e.Parent >= 0 ? created[e.Parent].Id : null,
                ResponsiblePerson = "Відповідальна особа " + e.Short,
                Phone = "+380442000000",
                WorkingHours = "Пн–Пт 8:00–17:00",
                Competences = e.Categories.Select(c => new ExecutorCompetence { CategoryCode = c }).ToList(),
            };
            db.Executors.Add(executor);
            await db.SaveChangesAsync(); // one by one: a child needs its parent's id
            created.Add(executor);
        }
        var routing = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Executors.Length; i++)
        {
            foreach (var category in Executors[i].Categories)
            {
                routing[category] = created[i].Id;
                db.RoutingRules.Add(new RoutingRule { CategoryCode = category, ExecutorId = created[i].Id });
            }
        }
        await db.SaveChangesAsync();
        return (routing, created.ToDictionary(e => e.Id, e => e.ShortName ?? e.Name));
    }

    private static async Task<(List<string> Indexes, List<(string Table, string Name, string Definition)> ForeignKeys)> DropIndexesAsync(NpgsqlDataSource dataSource)
    {
        var indexes = new List<(string Name, string Definition)>();
        await using (var cmd = dataSource.CreateCommand("""
            SELECT quote_ident(ci.relname), pg_get_indexdef(i.indexrelid)
            FROM pg_index i
            JOIN pg_class ci ON ci.oid = i.indexrelid
            JOIN pg_class ct ON ct.oid = i.indrelid
            WHERE ct.relname = ANY(@tables) AND ct.relnamespace = 'public'::regnamespace
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            ORDER BY ct.relname, ci.relname
            """))
        {
            cmd.Parameters.AddWithValue("tables", BulkTables);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        var foreignKeys = new List<(string Table, string Name, string Definition)>();
        await using (var cmd = dataSource.CreateCommand("""
            SELECT quote_ident(t.relname), quote_ident(c.conname), pg_get_constraintdef(c.oid)
            FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
            WHERE c.contype = 'f' AND t.relname = ANY(@tables) AND t.relnamespace = 'public'::regnamespace
            """))
        {
            cmd.Parameters.AddWithValue("tables", BulkTables);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                foreignKeys.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        foreach (var (table, name, _) in foreignKeys)
            await ExecuteAsync(dataSource, $"ALTER TABLE {table} DROP CONSTRAINT {name}");
        foreach (var (name, _) in indexes)
            await ExecuteAsync(dataSource, $"DROP INDEX {name}");
        return (indexes.Select(i => i.Definition).ToList(), foreignKeys);
    }

    private static async Task RestoreIndexesAsync(NpgsqlDataSource dataSource, List<string> indexes, List<(string Table, string Name, string Definition)> foreignKeys)
    {
        // Two builds at a time (two cores); the GIN index over search_vector is the long one, so it starts first.
        var queue = new Queue<string>(indexes.OrderByDescending(d => d.Contains("USING gin", StringComparison.OrdinalIgnoreCase)));
        async Task Worker()
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using (var set = new NpgsqlCommand("SET maintenance_work_mem = '1GB'", connection))
                await set.ExecuteNonQueryAsync();
            while (true)
            {
                string definition;
                lock (queue)
                {
                    if (!queue.TryDequeue(out definition!))
                        return;
                }
                var sw = Stopwatch.StartNew();
                await using var cmd = new NpgsqlCommand(definition, connection) { CommandTimeout = 0 };
                await cmd.ExecuteNonQueryAsync();
                Console.Error.WriteLine($"  {sw.Elapsed.TotalSeconds,6:0.0} s  {definition}");
            }
        }
        await Task.WhenAll(Worker(), Worker());
        foreach (var (table, name, definition) in foreignKeys)
            await ExecuteAsync(dataSource, $"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}", timeoutSeconds: 0);
    }

    /// <summary>Identity sequences continue after the loaded ids; number counters after the loaded numbers.</summary>
    private static async Task FinishAsync(NpgsqlDataSource dataSource, Dictionary<string, long> counters)
    {
        foreach (var table in BulkTables)
            await ExecuteAsync(dataSource, $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))");
        foreach (var (key, value) in counters)
        {
            await using var cmd = dataSource.CreateCommand("""
                INSERT INTO number_counters ("key", "value") VALUES (@key, @value)
                ON CONFLICT ("key") DO UPDATE SET "value" = GREATEST(number_counters."value", EXCLUDED."value")
                """);
            cmd.Parameters.AddWithValue("key", key);
            cmd.Parameters.AddWithValue("value", value);
            await cmd.ExecuteNonQueryAsync();
        }
        Console.WriteLine("number counters: " + string.Join(", ", counters.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}")));
    }

    private static async Task ReportAsync(NpgsqlDataSource dataSource)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT pg_size_pretty(pg_database_size(current_database())),
                   (SELECT count(DISTINCT applicant_phone) FROM appeals),
                   (SELECT round(100.0 * count(*) FILTER (WHERE n > 1) / nullif(count(*), 0), 1)
                      FROM (SELECT count(*) OVER (PARTITION BY applicant_phone) AS n FROM appeals WHERE applicant_phone IS NOT NULL) x),
                   (SELECT count(*) FROM (SELECT 1 FROM appeals WHERE applicant_phone IS NOT NULL GROUP BY applicant_phone HAVING count(*) > 1) r),
                   (SELECT max(c) FROM (SELECT count(*) AS c FROM appeals WHERE applicant_phone IS NOT NULL GROUP BY applicant_phone) m),
                   (SELECT string_agg(status || ' ' || c, ', ' ORDER BY c DESC) FROM (SELECT status, count(*) c FROM appeals GROUP BY status) s)
            """);
        cmd.CommandTimeout = 0;
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        Console.WriteLine($"database size {reader.GetString(0)}; {reader.GetInt64(1):N0} distinct phones, {reader.GetDecimal(2)} % of appeals with a phone share it with another appeal ({reader.GetInt64(3):N0} repeating phones, the busiest has {reader.GetInt64(4):N0} appeals)");
        Console.WriteLine($"statuses: {reader.GetString(5)}");
    }

    /// <summary>Keys for <c>load search --keys</c>: phones and numbers sampled from appeals, text queries as an operator types them.</summary>
    private static async Task WriteKeysAsync(NpgsqlDataSource dataSource, string dir)
    {
        Directory.CreateDirectory(dir);
        async Task Sample(string column, string file)
        {
            var keys = new List<string>();
            await using var cmd = dataSource.CreateCommand($"SELECT {column} FROM appeals TABLESAMPLE BERNOULLI (0.5) REPEATABLE (7) WHERE {column} IS NOT NULL LIMIT 2000");
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                keys.Add(reader.GetString(0));
            await File.WriteAllLinesAsync(Path.Combine(dir, file), keys);
        }
        await Sample("applicant_phone", "phones.txt");
        await Sample("registration_number", "numbers.txt");

        // One distinctive word of a category phrase (the longest), sometimes with a street: "каналізаційні", "ліфт франка".
        var rng = new Random(7);
        var words = Vocabulary.ByCategory.Values.SelectMany(p => p)
            .Select(p => p.Split(' ').OrderByDescending(w => w.Length).First().ToLowerInvariant())
            .Distinct().ToList();
        var streets = Vocabulary.Streets.Select(s => s.InText.Split(' ')[^1].ToLowerInvariant()).ToList();
        var queries = new List<string>();
        foreach (var w in words)
        {
            queries.Add(w);
            queries.Add(w + " " + streets[rng.Next(streets.Count)]);
        }
        await File.WriteAllLinesAsync(Path.Combine(dir, "text.txt"), queries);
        Console.WriteLine($"search keys written to {Path.GetFullPath(dir)} (phones.txt, numbers.txt, text.txt: {queries.Count} queries)");
    }

    private static async Task CopyAsync(NpgsqlDataSource dataSource, Batch batch)
    {
        static Task<double> Timed(Func<Task> copy) => Task.Run(async () =>
        {
            var sw = Stopwatch.StartNew();
            await copy();
            return sw.Elapsed.TotalSeconds;
        });
        var times = await Task.WhenAll(
            Timed(() => BulkCopy.AppealsAsync(dataSource, batch.Appeals)),
            Timed(() => BulkCopy.QuestionsAsync(dataSource, batch.Questions)),
            Timed(() => BulkCopy.AssignmentsAsync(dataSource, batch.Assignments)),
            Timed(() => BulkCopy.HistoryAsync(dataSource, batch.History)));
        Console.Error.WriteLine($"    COPY s: appeals {times[0]:0.0}, questions {times[1]:0.0}, assignments {times[2]:0.0}, history {times[3]:0.0}");
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql, int timeoutSeconds = 30)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        cmd.CommandTimeout = timeoutSeconds;
        await cmd.ExecuteNonQueryAsync();
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
