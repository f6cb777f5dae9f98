using BenchmarkDotNet.Attributes;
using ContactCenter.Core.Calendar;
using ContactCenter.Core.Deadlines;

namespace ContactCenter.Bench;

/// <summary>
/// Due() is called for every appeal on every list and recount, so it must stay at a million calls a second or more.
/// Receipt times walk through a year so the cost of year lookups and DST offsets is included, not one cached answer.
/// </summary>
[MemoryDiagnoser]
public class DeadlineBenchmarks
{
    private const int Receipts = 1024;

    private static readonly ReviewTrack Complex = new("complex", 20, TermUnit.WorkingDays);
    private static readonly ReviewTrack Committee = new("committee", 30, TermUnit.CalendarDays);

    private readonly DateTimeOffset[] _receivedAt = new DateTimeOffset[Receipts];
    private WorkingCalendar _calendar = null!;

    [GlobalSetup]
    public void Setup()
    {
        _calendar = new WorkingCalendar(CalendarDefinition.Default);
        var start = new DateTimeOffset(2025, 1, 1, 9, 30, 0, TimeSpan.FromHours(2));
        for (var i = 0; i < Receipts; i++)
            _receivedAt[i] = start.AddHours(i * 9); // about 384 days, every hour of the day
        foreach (var received in _receivedAt)
            DeadlineCalculator.Due(received, Complex, _calendar); // warm the year tables outside the measurement
    }

    [Benchmark(OperationsPerInvoke = Receipts)]
    public DateTimeOffset DueWorkingDays()
    {
        var last = default(DateTimeOffset);
        foreach (var received in _receivedAt)
            last = DeadlineCalculator.Due(received, Complex, _calendar);
        return last;
    }

    [Benchmark(OperationsPerInvoke = Receipts)]
    public DateTimeOffset DueCalendarDays()
    {
        var last = default(DateTimeOffset);
        foreach (var received in _receivedAt)
            last = DeadlineCalculator.Due(received, Committee, _calendar);
        return last;
    }
}
