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
    /// <summary>«оператор», «диспетчер»: registers, routes, answers from the knowledge base, calls back to verify.</summary>
    Operator,
    /// <summary>«начальник контакт-центру»: approves executor requests, reassigns, refuses, terminates; can do what operators do.</summary>
    Supervisor,
    /// <summary>Responsible person of an executor organisation («виконавець»).</summary>
    Executor,
    /// <summary>A concrete staff member of an executor («конкретний виконавець»).</summary>
    ExecutorStaff,
    /// <summary>«керівництво»: dashboards and reports, read-only; fires no transitions.</summary>
    Leadership,
    /// <summary>Users, reference data, integrations; holds the supervisor's rights.</summary>
    Administrator,
    /// <summary>«заявник»: submits, tracks, confirms or rejects the result.</summary>
    Applicant,
    /// <summary>Background jobs acting on their own (routing by the rules, unverified close).</summary>
    System,
    /// <summary>Another system through an API key (Open311 client, the Unified System): registers appeals and relays
    /// the applicant's answer to verification; it never routes or works an appeal.</summary>
    Integration,
}

/// <summary>Result codes (classifier 858 §9 plus forwarded, returned, terminated; R15).</summary>
public enum ResultCode
{
    /// <summary>«вирішено позитивно».</summary>
    Resolved,
    /// <summary>«відмовлено» (R5).</summary>
    Refused,
    /// <summary>«роз'яснено».</summary>
    Explained,
    /// <summary>«надіслано за належністю» (R6).</summary>
    Forwarded,
    /// <summary>«повернуто заявнику» for missing data (R2).</summary>
    Returned,
    /// <summary>«припинено» by the head's decision (R9).</summary>
    Terminated,
}
