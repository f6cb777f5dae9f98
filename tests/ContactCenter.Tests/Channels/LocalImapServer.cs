using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;

namespace ContactCenter.Tests.Channels;

/// <summary>
/// A real IMAP server on loopback: Debian's Dovecot (dovecot-imapd) with a throw-away configuration, one mailbox user
/// and Maildir storage in a temp folder. Installed by scripts/test.sh.
/// </summary>
public sealed class LocalImapServer : IAsyncDisposable
{
    public const string User = "intake";
    public const string Password = "imap-secret-0123";

    private readonly Process _process;
    private readonly string _dir;

    private LocalImapServer(Process process, string dir, int port)
    {
        _process = process;
        _dir = dir;
        Port = port;
    }

    public int Port { get; }

    public static async Task<LocalImapServer> StartAsync()
    {
        var dir = Path.Combine(Path.GetTempPath(), "cc-imap-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(dir, "run"));
        Directory.CreateDirectory(Path.Combine(dir, "state"));
        var mail = Path.Combine(dir, "mail");
        Directory.CreateDirectory(mail);
        // Dovecot reads mail as an unprivileged user (nobody) and drops privileges itself when started as root.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dir, (UnixFileMode)0b111_101_101);
            File.SetUnixFileMode(mail, (UnixFileMode)0b111_111_111);
        }
        var port = LocalSmtpServer.FreePort();
        await File.WriteAllTextAsync(Path.Combine(dir, "passwd"), $"{User}:{{PLAIN}}{Password}:65534:65534::{mail}/{User}::\n");
        var config = $$"""
            protocols = imap
            listen = 127.0.0.1
            base_dir = {{dir}}/run
            state_dir = {{dir}}/state
            log_path = {{dir}}/dovecot.log
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            mail_location = maildir:~/Maildir
            default_internal_user = dovecot
            default_login_user = dovenull
            first_valid_uid = 1
            passdb {
              driver = passwd-file
              args = {{dir}}/passwd
            }
            userdb {
              driver = passwd-file
              args = {{dir}}/passwd
            }
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = {{port}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            """;
        var configPath = Path.Combine(dir, "dovecot.conf");
        await File.WriteAllTextAsync(configPath, config);
        var dovecot = File.Exists("/usr/sbin/dovecot") ? "/usr/sbin/dovecot" : "dovecot";
        var process = Process.Start(new ProcessStartInfo(dovecot, ["-F", "-c", configPath]) { RedirectStandardError = true, RedirectStandardOutput = true })
            ?? throw new InvalidOperationException("dovecot did not start");
        var server = new LocalImapServer(process, dir, port);
        for (var i = 0; i < 200; i++)
        {
            if (process.HasExited)
                throw new InvalidOperationException("dovecot exited: " + await process.StandardError.ReadToEndAsync());
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException("dovecot did not listen on port " + port);
    }

    private async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(User, Password);
        return client;
    }

    /// <summary>Delivers a message into the inbox (IMAP APPEND), as the mail server would.</summary>
    public async Task AppendAsync(MimeMessage message)
    {
        using var client = await ConnectAsync();
        await client.Inbox.AppendAsync(message, MessageFlags.None);
        await client.DisconnectAsync(true);
    }

    public async Task<int> UnseenCountAsync()
    {
        using var client = await ConnectAsync();
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var unseen = await client.Inbox.SearchAsync(MailKit.Search.SearchQuery.NotSeen);
        await client.DisconnectAsync(true);
        return unseen.Count;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
