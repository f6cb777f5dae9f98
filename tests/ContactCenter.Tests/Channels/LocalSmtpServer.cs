using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace ContactCenter.Tests.Channels;

/// <summary>
/// A real SMTP server on loopback: Debian's aiosmtpd (python3-aiosmtpd) with its Maildir handler, so every accepted
/// message is a file we can parse with MimeKit. Installed by scripts/test.sh.
/// </summary>
public sealed class LocalSmtpServer : IAsyncDisposable
{
    private readonly Process _process;

    private LocalSmtpServer(Process process, int port, string maildir)
    {
        _process = process;
        Port = port;
        Maildir = maildir;
    }

    public int Port { get; }
    public string Maildir { get; }

    public static async Task<LocalSmtpServer> StartAsync()
    {
        var port = FreePort();
        var maildir = Path.Combine(Path.GetTempPath(), "cc-smtp-" + Guid.NewGuid().ToString("N")[..8]);
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var info = new ProcessStartInfo(python, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("aiosmtpd did not start");
        var server = new LocalSmtpServer(process, port, maildir);
        // Ready when it accepts a connection (bounded: 20 s).
        for (var i = 0; i < 200; i++)
        {
            if (process.HasExited)
                throw new InvalidOperationException("aiosmtpd exited: " + await process.StandardError.ReadToEndAsync());
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
        throw new TimeoutException("aiosmtpd did not listen on port " + port);
    }

    /// <summary>Every message the server has accepted so far.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var dir = Path.Combine(Maildir, "new");
        if (!Directory.Exists(dir))
            return [];
        return Directory.GetFiles(dir).Select(f => MimeMessage.Load(f)).ToList();
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        if (Directory.Exists(Maildir))
            Directory.Delete(Maildir, recursive: true);
    }
}
