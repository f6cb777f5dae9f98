using ContactCenter.Features.Console;
using ContactCenter.Infrastructure.Errors;
using ContactCenter.Infrastructure.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;

namespace ContactCenter.Features.Admin;

/// <summary>
/// What every administration screen shares: the acting user, one DI scope per operation, and the rule messages of the
/// services shown where they belong (field errors under the field, refusals in a snackbar). The screens only call the
/// *Admin services, which check the administrator role themselves.
/// </summary>
public abstract class AdminPageBase : ComponentBase
{
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;
    [Inject] protected ConsoleScope Scope { get; set; } = default!;
    [Inject] protected ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    protected Actor Actor { get; private set; } = Actor.System with { Role = "none" };
    protected Dictionary<string, string> Errors { get; } = new(StringComparer.OrdinalIgnoreCase);

    protected override async Task OnInitializedAsync()
    {
        Actor = Actor.From((await Auth).User);
        await LoadAsync();
    }

    protected virtual Task LoadAsync() => Task.CompletedTask;

    protected string? Err(string field) => Errors.GetValueOrDefault(field);

    protected bool HasErr(string field) => Errors.ContainsKey(field);

    /// <summary>Runs one operation in its own scope; true when it succeeded.</summary>
    protected async Task<bool> RunAsync<TService>(Func<TService, Task> work, string? success = null) where TService : notnull
    {
        Errors.Clear();
        try
        {
            await Scope.RunAsync<TService, bool>(async s =>
            {
                await work(s);
                return true;
            });
            if (success is not null)
                Snackbar.Add(success, Severity.Success);
            return true;
        }
        catch (AppValidationException ex)
        {
            foreach (var (field, messages) in ex.Errors)
                Errors[field] = string.Join(" ", messages);
            Snackbar.Add(AdminText.S("form.fix"), Severity.Warning);
        }
        catch (Exception ex) when (ex is ForbiddenException or NotFoundException or ConflictException or RuleViolationException)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        return false;
    }

    protected Task<TResult> QueryAsync<TService, TResult>(Func<TService, Task<TResult>> work) where TService : notnull =>
        Scope.RunAsync(work);

    /// <summary>Asks before an action that cannot be simply undone (revoking a key, deleting, locking someone out).</summary>
    protected async Task<bool> ConfirmAsync(string message) =>
        await Dialogs.ShowMessageBoxAsync(AdminText.S("confirm"), message, yesText: AdminText.S("yes"), cancelText: AdminText.S("cancel")) == true;

    /// <summary>Copies a secret to the clipboard; where the browser refuses, the text stays selectable on screen.</summary>
    protected async Task CopyAsync(string text)
    {
        try
        {
            await JS.InvokeVoidAsync("navigator.clipboard.writeText", text);
            Snackbar.Add(AdminText.S("copied"), Severity.Info);
        }
        catch (JSException)
        {
            Snackbar.Add(AdminText.S("copyFailed"), Severity.Warning);
        }
    }

    protected static string When(DateTimeOffset? at) => T.When(at, Kyiv);

    private static readonly TimeZoneInfo Kyiv = TimeZoneInfo.FindSystemTimeZoneById("Europe/Kyiv");
}
