using System.ComponentModel.DataAnnotations;

namespace ContactCenter.Features.Analytics;

/// <summary>Configuration section <c>ContactCenter:Analytics</c>.</summary>
public sealed class AnalyticsOptions
{
    public const string Section = "ContactCenter:Analytics";

    /// <summary>The rating of a day covers the questions finished in this many days up to and including it.</summary>
    [Range(1, 366)]
    public int RatingWindowDays { get; set; } = 30;

    /// <summary>Reference time from registration to a positive result, for categories without their own (hours).</summary>
    [Range(1, 10000)]
    public double DefaultExecutionHours { get; set; } = 15 * 24;

    /// <summary>Reference time from registration to an explanation, for categories without their own (hours).</summary>
    [Range(1, 10000)]
    public double DefaultExplanationHours { get; set; } = 5 * 24;

    /// <summary>Spike detection: the window looked at, ending now (hours).</summary>
    [Range(1, 168)]
    public int SpikeWindowHours { get; set; } = 6;

    /// <summary>Spike detection: the baseline is the mean count of the same window on the same weekday of this many previous weeks.</summary>
    [Range(1, 12)]
    public int SpikeBaselineWeeks { get; set; } = 4;

    /// <summary>Spike detection: fewer appeals than this in the window never make a spike.</summary>
    [Range(1, 10000)]
    public int SpikeMinCount { get; set; } = 5;

    /// <summary>Spike detection: the window's count must be at least this many times the baseline (a baseline below 1 counts as 1).</summary>
    [Range(1.0, 100.0)]
    public double SpikeRatio { get; set; } = 3.0;

    /// <summary>How often the spike detector runs (minutes).</summary>
    [Range(1, 1440)]
    public int SpikeEveryMinutes { get; set; } = 15;
}
