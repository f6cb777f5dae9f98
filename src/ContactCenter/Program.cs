using ContactCenter.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddContactCenter();

var app = builder.Build();
app.UseContactCenter();
await app.InitializeDatabaseAsync();
await app.RunAsync();

/// <summary>Entry point; public for the test host.</summary>
public partial class Program;
