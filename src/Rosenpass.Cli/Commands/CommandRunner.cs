using Rosenpass.Cli.Logging;
using Rosenpass.Reference;

namespace Rosenpass.Cli.Commands;

/// <summary>
/// Runs a command's body so that no exception escapes as a stack trace: our typed input errors become one
/// error line and exit code 1 (upstream's error path, upstream-facts §3.10); anything else too, named by type.
/// </summary>
public static class CommandRunner
{
    public const int Failure = 1;

    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (InputFormatException e)
        {
            Log.Error(e.Message);
            return Failure;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Net.Sockets.SocketException)
        {
            Log.Error(e.Message);
            return Failure;
        }
        catch (Exception e)
        {
            Log.Error($"unexpected {e.GetType().Name}: {e.Message}");
            return Failure;
        }
    }
}
