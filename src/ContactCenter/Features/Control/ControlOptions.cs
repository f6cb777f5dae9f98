using System.ComponentModel.DataAnnotations;

namespace ContactCenter.Features.Control;

/// <summary>Configuration section <c>ContactCenter:Control</c>.</summary>
public sealed class ControlOptions
{
    public const string Section = "ContactCenter:Control";

    /// <summary>How many working days before the deadline the executor is reminded (F4.4).</summary>
    [Range(1, 10)]
    public int ReminderWorkingDaysBefore { get; set; } = 1;
}
