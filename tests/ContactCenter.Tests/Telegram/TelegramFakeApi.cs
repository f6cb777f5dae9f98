using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ContactCenter.Tests.Telegram;

/// <summary>One Bot API method call the bot made: the method name and its JSON parameters.</summary>
public sealed record BotCall(string Method, JsonElement Body, int? MessageId)
{
    public long? ChatId => Body.TryGetProperty("chat_id", out var c) ? c.ValueKind == JsonValueKind.Number ? c.GetInt64() : long.Parse(c.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : null;
    public string? Text => Body.TryGetProperty("text", out var t) ? t.GetString() : null;
    public JsonElement? Markup => Body.TryGetProperty("reply_markup", out var m) ? m : null;

    /// <summary>The callback data of the inline buttons attached.</summary>
    public IReadOnlyList<string> CallbackData => Markup is { } m && m.TryGetProperty("inline_keyboard", out var rows)
        ? rows.EnumerateArray().SelectMany(r => r.EnumerateArray()).Select(b => b.GetProperty("callback_data").GetString()!).ToList()
        : [];

    /// <summary>The captions of the reply keyboard attached.</summary>
    public IReadOnlyList<JsonElement> KeyboardButtons => Markup is { } m && m.TryGetProperty("keyboard", out var rows)
        ? rows.EnumerateArray().SelectMany(r => r.EnumerateArray()).ToList()
        : [];
}

/// <summary>
/// The Telegram Bot API side of <see cref="Channels.LocalGatewayServer"/>, speaking the real wire protocol
/// (<c>POST /bot{token}/{method}</c> with JSON parameters, answers <c>{"ok":true,"result":…}</c>; files at
/// <c>GET /file/bot{token}/{file_path}</c>): getUpdates (long polling with offset confirmation), sendMessage,
/// answerCallbackQuery, editMessageText, editMessageReplyMarkup, getFile and file download.
/// </summary>
public sealed class TelegramFakeApi
{
    private readonly Lock _gate = new();
    private readonly List<(long Id, string Json)> _pending = [];
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _messageId = 1000;

    public ConcurrentQueue<BotCall> Calls { get; } = new();
    /// <summary>Files the fake "users" uploaded: file_id → bytes.</summary>
    public ConcurrentDictionary<string, byte[]> Files { get; } = new();
    /// <summary>Offsets the bot asked getUpdates with, in order.</summary>
    public ConcurrentQueue<long> Offsets { get; } = new();

    /// <summary>Queues an update (raw Bot API JSON) for getUpdates.</summary>
    public void Enqueue(long updateId, string json)
    {
        lock (_gate)
        {
            _pending.Add((updateId, json));
            _arrived.TrySetResult();
        }
    }

    public IReadOnlyList<BotCall> To(long chatId) => Calls.Where(c => c.ChatId == chatId).ToList();

    public async Task<bool> HandleAsync(HttpContext http, string path, string body)
    {
        if (path.StartsWith("/file/bot", StringComparison.Ordinal))
        {
            var id = Path.GetFileNameWithoutExtension(path);
            if (!Files.TryGetValue(id, out var data))
            {
                http.Response.StatusCode = 404;
                return true;
            }
            http.Response.ContentType = "application/octet-stream";
            await http.Response.Body.WriteAsync(data);
            return true;
        }
        if (!path.StartsWith("/bot", StringComparison.Ordinal))
            return false;
        var method = path[(path.LastIndexOf('/') + 1)..];
        using var doc = JsonDocument.Parse(body.Length == 0 ? "{}" : body);
        var json = doc.RootElement.Clone();
        switch (method)
        {
            case "getUpdates":
                await GetUpdatesAsync(http, json);
                return true;
            case "sendMessage":
                {
                    var id = Interlocked.Increment(ref _messageId);
                    Calls.Enqueue(new BotCall(method, json, id));
                    await OkAsync(http, MessageJson(id, json));
                    return true;
                }
            case "editMessageText" or "editMessageReplyMarkup":
                Calls.Enqueue(new BotCall(method, json, json.GetProperty("message_id").GetInt32()));
                await OkAsync(http, MessageJson(json.GetProperty("message_id").GetInt32(), json));
                return true;
            case "answerCallbackQuery":
                Calls.Enqueue(new BotCall(method, json, null));
                await OkAsync(http, JsonValue.Create(true));
                return true;
            case "getFile":
                {
                    Calls.Enqueue(new BotCall(method, json, null));
                    var fileId = json.GetProperty("file_id").GetString()!;
                    if (!Files.TryGetValue(fileId, out var data))
                    {
                        http.Response.StatusCode = 400;
                        await http.Response.WriteAsJsonAsync(new { ok = false, error_code = 400, description = "Bad Request: invalid file_id" });
                        return true;
                    }
                    await OkAsync(http, new JsonObject
                    {
                        ["file_id"] = fileId,
                        ["file_unique_id"] = "u" + fileId,
                        ["file_size"] = data.Length,
                        ["file_path"] = $"photos/{fileId}.jpg",
                    });
                    return true;
                }
            default:
                http.Response.StatusCode = 404;
                await http.Response.WriteAsJsonAsync(new { ok = false, error_code = 404, description = "Not Found: method not found" });
                return true;
        }
    }

    private async Task GetUpdatesAsync(HttpContext http, JsonElement json)
    {
        var offset = json.TryGetProperty("offset", out var o) ? o.GetInt64() : 0;
        var timeout = json.TryGetProperty("timeout", out var t) ? t.GetInt32() : 0;
        Offsets.Enqueue(offset);
        var deadline = DateTime.UtcNow.AddSeconds(timeout);
        while (true)
        {
            Task wait;
            List<string> batch;
            lock (_gate)
            {
                // An offset confirms every update before it: they are never sent again (the real server's rule).
                _pending.RemoveAll(p => p.Id < offset);
                batch = _pending.OrderBy(p => p.Id).Select(p => p.Json).ToList();
                if (_arrived.Task.IsCompleted)
                    _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
                wait = _arrived.Task;
            }
            var left = deadline - DateTime.UtcNow;
            if (batch.Count > 0 || left <= TimeSpan.Zero)
            {
                var array = new JsonArray(batch.Select(b => (JsonNode?)JsonNode.Parse(b)).ToArray());
                await OkAsync(http, array);
                return;
            }
            await Task.WhenAny(wait, Task.Delay(left, http.RequestAborted));
            if (http.RequestAborted.IsCancellationRequested)
                return;
        }
    }

    private static JsonObject MessageJson(int id, JsonElement request)
    {
        var chatId = request.TryGetProperty("chat_id", out var c) ? c.GetInt64() : 0;
        var message = new JsonObject
        {
            ["message_id"] = id,
            ["date"] = 1795000000,
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private" },
            ["text"] = request.TryGetProperty("text", out var text) ? text.GetString() : "",
        };
        if (request.TryGetProperty("reply_markup", out var markup) && markup.TryGetProperty("inline_keyboard", out _))
            message["reply_markup"] = JsonNode.Parse(markup.GetRawText());
        return message;
    }

    private static Task OkAsync(HttpContext http, JsonNode? result)
    {
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString());
    }
}
