namespace ContactCenter.Core.Appeals;

/// <summary>Status of an appeal question (and, derived, of the appeal). SPEC §4, API.md "Statuses".</summary>
public enum AppealStatus
{
    /// <summary>«зареєстровано»: card created, no executor yet.</summary>
    Registered,
    /// <summary>«передано виконавцю»: assigned to an executor, not yet accepted.</summary>
    Assigned,
    /// <summary>«в роботі»: accepted by the executor, competence confirmed.</summary>
    InProgress,
    /// <summary>«виконано, очікує перевірки»: the executor reported a result; verification pending.</summary>
    ResultReported,
    /// <summary>«закрито».</summary>
    Closed,
    /// <summary>«відмовлено» with a legal basis (R5).</summary>
    Rejected,
    /// <summary>«надіслано за належністю» (R6).</summary>
    Forwarded,
    /// <summary>«відкладено»: included into a strategic / budget plan, kept under control.</summary>
    Deferred,
}

/// <summary>Who acts. Mirrors the roles of SPEC §1.</summary>
public enum ActorRole
{
    Operator,
    Supervisor,
    Executor,
    ExecutorStaff,
    Leadership,
    Administrator,
    Applicant,
    /// <summary>Background jobs and integrations acting on their own.</summary>
    System,
}

/// <summary>Result codes (classifier 858 §9 plus forwarded, returned, terminated; R15).</summary>
public enum ResultCode
{
    Resolved,
    Refused,
    Explained,
    Forwarded,
    Returned,
    Terminated,
}
